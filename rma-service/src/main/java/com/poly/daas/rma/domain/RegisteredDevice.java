package com.poly.daas.rma.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A device registered in device-registry-service (replica of {@code DeviceRegistered}): replacements come from these. */
@Entity
@Table(name = "registered_device")
@IdClass(RegisteredDevice.Key.class)
public class RegisteredDevice {
    @Id
    public String sku;
    @Id
    public String serial;
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String sku;
        public String serial;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sku, k.sku) && Objects.equals(serial, k.serial);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sku, serial);
        }
    }
}
