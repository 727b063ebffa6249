package com.poly.daas.events.parties;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * A customer's facts changed (its site moved: country, subdivision, time zone; or, by an admin, its partner). Carries
 * the whole new state, so a replica applies it by replacing its row.
 */
public record CustomerChanged(String customerId, String partnerId, String country, String subdivision, String timeZone,
                              String region, String currency, Instant changedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return customerId;
    }
}
