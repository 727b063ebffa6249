package com.poly.daas.ticket.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What ticket-service knows of a device's coverage under one contract, from contract-service's events only. The
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
    @Column(name = "customer_id")
    public String customerId;
    /** P3: null until the device's delivery date is known. */
    @Column(name = "coverage_start")
    public LocalDate coverageStart;
    @Column(name = "coverage_end")
    public LocalDate coverageEnd;
    /** E1: STANDARD or EXTENDED. */
    @Column(name = "coverage_option")
    public String option;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** P3 (P4, P5, P6 keep granted coverage): covered on this day. */
    public boolean covers(LocalDate day) {
        return coverageStart != null && !day.isBefore(coverageStart)
                && (coverageEnd == null || day.isBefore(coverageEnd))
                && (endedOn == null || day.isBefore(endedOn));
    }
}
