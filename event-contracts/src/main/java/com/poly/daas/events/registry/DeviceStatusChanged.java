package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/** A device moved in its lifecycle (e.g. IN_RETURN to POLY_PROPERTY once received, A2). */
public record DeviceStatusChanged(String serial, String sku, String partnerId, String previousStatus, String status,
                                  Instant changedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return serial;
    }
}
