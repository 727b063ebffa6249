package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A device under contract with its fees (B1): billable on the days of its service period (P3: start inclusive,
 * end exclusive) before its coverage ended ({@code endedOn} exclusive).
 */
@Entity
@Table(name = "billable_device")
public class BillableDevice extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public String contractId;
    public String serial;
    public String sku;
    /** P3: null until the delivery date is known; not billed before. */
    @Column(name = "coverage_start")
    public LocalDate coverageStart;
    @Column(name = "coverage_end")
    public LocalDate coverageEnd;
    @Column(name = "coverage_option")
    public String option;
    @Column(name = "monthly_fee")
    public BigDecimal monthlyFee;
    /** E1/B1: charged only with the EXTENDED option. */
    @Column(name = "extended_fee")
    public BigDecimal extendedFee;
    public String currency;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** P4: the serial this replacement replaced; billed from the day its original's coverage ended. */
    @Column(name = "replaces_serial")
    public String replacesSerial;
    /** Late facts: the first day whose billing may have changed since it was settled (null: nothing to re-check). */
    @Column(name = "recheck_from")
    public LocalDate recheckFrom;
    @Column(name = "recheck_reason")
    public String recheckReason;

    /** Marks the billing from {@code day} on for re-pricing by the next run (keeps the earliest day marked). */
    public void recheckFrom(LocalDate day, String reason) {
        if (day != null && (recheckFrom == null || day.isBefore(recheckFrom))) {
            recheckFrom = day;
            recheckReason = reason;
        }
    }

    public boolean extended() {
        return "EXTENDED".equals(option);
    }
}
