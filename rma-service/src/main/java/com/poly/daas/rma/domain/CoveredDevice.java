package com.poly.daas.rma.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service knows of a device's coverage under one contract, from contract-service's events only. The
 * period is start inclusive, end exclusive (P3); {@code endedOn} is the first day no longer covered.
 */
@Entity
@Table(name = "covered_device")
public class CoveredDevice extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public String contractId;
    public String serial;
    public String sku;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_country")
    public String customerCountry;
    /** P3: null until the device's delivery date is known. */
    @Column(name = "coverage_start")
    public LocalDate coverageStart;
    @Column(name = "coverage_end")
    public LocalDate coverageEnd;
    /** E1/E2: STANDARD or EXTENDED. */
    @Column(name = "coverage_option")
    public String option;
    @Column(name = "replaces_serial")
    public String replacesSerial;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** Distinct contract events that built this row (diagnostics; proves idempotent consumption). */
    @Column(name = "events_applied")
    public int eventsApplied;

    /** P3: covered on this day (start inclusive, end and endedOn exclusive). */
    public boolean covers(LocalDate day) {
        return coverageStart != null && !day.isBefore(coverageStart)
                && (coverageEnd == null || day.isBefore(coverageEnd))
                && (endedOn == null || day.isBefore(endedOn));
    }

    /** E2: liquid and drop damage need the extended option. */
    public boolean extended() {
        return "EXTENDED".equals(option);
    }
}
