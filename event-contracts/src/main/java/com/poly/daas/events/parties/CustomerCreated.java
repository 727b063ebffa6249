package com.poly.daas.events.parties;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * A partner's end customer was created (P2). The customer's site (country, optional ISO 3166-2 subdivision, IANA
 * time zone) is what support clocks (S1) and return clocks (A3) are measured in; {@code region} (NORTH_AMERICA or
 * EMEA) and {@code currency} follow the country. Services check every id a caller names against this replica: a
 * customer belongs to exactly one partner.
 */
public record CustomerCreated(String customerId, String partnerId, String country, String subdivision, String timeZone,
                              String region, String currency, Instant createdAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return customerId;
    }
}
