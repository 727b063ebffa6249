package com.poly.daas.registry.domain;

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

/** A registered physical device (serial of a model), owned by a partner and placed at one of its customers. */
@Entity
@Table(name = "device")
public class Device extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    public String serial;
    public String sku;
    /** P3: the distributor's delivery date, which starts the device's service period; may be reported later. */
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Enumerated(EnumType.STRING)
    public DeviceStatus status;
    /** P4: the serial this device replaced, when it is an advance replacement. */
    @Column(name = "replaces_serial")
    public String replacesSerial;
    @Column(name = "registered_at")
    public Instant registeredAt;
    @Version
    public long version;
}
