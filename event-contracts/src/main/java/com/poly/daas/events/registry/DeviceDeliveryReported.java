package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** The distributor's delivery date of a device became known or was corrected: its coverage starts then (P3). */
public record DeviceDeliveryReported(String serial, String sku, String partnerId, LocalDate deliveredOn)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return serial;
    }
}
