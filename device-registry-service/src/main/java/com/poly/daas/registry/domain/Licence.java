package com.poly.daas.registry.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A software licence issued to a partner's customer, attached to a device serial or a software entitlement. */
@Entity
@Table(name = "licence")
public class Licence extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "licence_key")
    public String licenceKey;
    public String product;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "device_serial")
    public String deviceSerial;
    @Column(name = "entitlement_id")
    public String entitlementId;
    public int seats;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "valid_until")
    public LocalDate validUntil;
    @Column(name = "created_at")
    public Instant createdAt;
}
