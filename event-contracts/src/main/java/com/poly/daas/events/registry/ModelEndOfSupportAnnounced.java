package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** Poly announced end-of-support; it never cuts short coverage already granted (P5). */
public record ModelEndOfSupportAnnounced(String sku, LocalDate announcedOn, LocalDate effectiveOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return sku;
    }
}
