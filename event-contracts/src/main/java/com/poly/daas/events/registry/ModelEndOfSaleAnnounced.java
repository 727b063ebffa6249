package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** Poly announced end-of-sale: from this event on, new enrolments of the model are refused (P6). */
public record ModelEndOfSaleAnnounced(String sku, LocalDate announcedOn, LocalDate effectiveOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return sku;
    }
}
