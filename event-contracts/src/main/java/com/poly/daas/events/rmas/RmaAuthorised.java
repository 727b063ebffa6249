package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An advance replacement was authorised for a covered device (A1, E2, E4 checked); {@code shipDate} follows the
 * ship-from centre's cut-off. Counts towards the customer's annual RMA rate (E5).
 */
public record RmaAuthorised(String rmaId, String partnerId, String customerId, String contractId, String serial,
                            String sku, String cause, String ticketId, Instant authorisedAt, LocalDate shipDate)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
