package com.poly.daas.contract.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One device enrolled in a contract, with its service period (P3). A replacement gets its own row with the period of
 * the first original (P4); the original's row ends with reason REPLACED.
 */
@Entity
@Table(name = "device_coverage")
public class DeviceCoverage extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    @Column(name = "customer_id")
    public UUID customerId;
    public String serial;
    public String sku;
    @Enumerated(EnumType.STRING)
    @Column(name = "coverage_option")
    public CoverageOption option;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Column(name = "coverage_start")
    public LocalDate coverageStart;
    /** Exclusive. */
    @Column(name = "coverage_end")
    public LocalDate coverageEnd;
    @Enumerated(EnumType.STRING)
    public CoverageStatus status;
    /** First day no longer covered, once ended. */
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public CoverageEndReason endReason;
    @Column(name = "replaces_serial")
    public String replacesSerial;
    /** P4: the first original of a replacement chain (the serial itself when not a replacement). */
    @Column(name = "original_serial")
    public String originalSerial;
    @Column(name = "enrolled_at")
    public Instant enrolledAt;
    @Version
    public long version;

    public CoveragePeriod period() {
        return coverageStart == null ? null : new CoveragePeriod(coverageStart, coverageEnd);
    }

    public void setPeriod(CoveragePeriod period) {
        coverageStart = period == null ? null : period.start();
        coverageEnd = period == null ? null : period.end();
        if (status != CoverageStatus.ENDED) {
            status = period == null ? CoverageStatus.AWAITING_DELIVERY : CoverageStatus.COVERED;
        }
    }

    public void end(LocalDate on, CoverageEndReason reason) {
        status = CoverageStatus.ENDED;
        endedOn = on;
        endReason = reason;
    }

    public boolean isReplacement() {
        return replacesSerial != null;
    }
}
