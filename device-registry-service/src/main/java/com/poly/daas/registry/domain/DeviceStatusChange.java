package com.poly.daas.registry.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One transition in a device's status history (P3, P4, A2); owned by the device's partner. */
@Entity
@Table(name = "device_status_change")
public class DeviceStatusChange extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "device_id")
    public UUID deviceId;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public DeviceStatus previousStatus;
    @Enumerated(EnumType.STRING)
    public DeviceStatus status;
    public String reason;
    @Column(name = "changed_at")
    public Instant changedAt;

    public static DeviceStatusChange of(Device device, DeviceStatus previous, DeviceStatus status, String reason, Instant at) {
        DeviceStatusChange change = new DeviceStatusChange();
        change.id = UUID.randomUUID();
        change.partnerId = device.partnerId;
        change.deviceId = device.id;
        change.previousStatus = previous;
        change.status = status;
        change.reason = reason;
        change.changedAt = at;
        return change;
    }
}
