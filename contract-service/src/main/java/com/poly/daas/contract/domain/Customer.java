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
import java.util.UUID;

/** A partner's end customer; region and currency follow from the country (P2). */
@Entity
@Table(name = "customer")
public class Customer extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "legal_name")
    public String legalName;
    public String country;
    public String subdivision;
    @Column(name = "time_zone")
    public String timeZone;
    @Enumerated(EnumType.STRING)
    public Region region;
    public String currency;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
