package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** A serial was registered to a partner's customer. {@code deliveredOn} (P3) may be unknown yet (null). */
public record DeviceRegistered(String serial, String sku, String partnerId, String customerId, LocalDate deliveredOn,
                               String replacesSerial) implements DomainEvent {
    @Override
    public String aggregateId() {
        return serial;
    }
}
