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

/** A certified partner (P1). Owned by itself: a partner token reads only its own row. Managed by admins. */
@Entity
@Table(name = "partner")
public class Partner extends PartnerOwnedEntity {
    @Id
    public String id;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "certification_status")
    public CertificationStatus certificationStatus;
    @Column(name = "certified_from")
    public LocalDate certifiedFrom;
    /** Inclusive: the last day the certification is valid. */
    @Column(name = "certified_until")
    public LocalDate certifiedUntil;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    /** P1: only an ACTIVE partner within its validity dates may create or change contracts. */
    public boolean activeOn(LocalDate day) {
        return certificationStatus == CertificationStatus.ACTIVE && !day.isBefore(certifiedFrom) && !day.isAfter(certifiedUntil);
    }
}
