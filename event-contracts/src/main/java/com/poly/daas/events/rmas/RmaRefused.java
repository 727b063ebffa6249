package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * A ticket's confirmed hardware failure (S3) did not lead to an advance replacement: {@code rule} is the refusing
 * rule's id (E4, P2, P3, E2, or A1 when the device already has an open RMA, {@code openRmaId}) and {@code reason}
 * the human explanation shown on the ticket. Keyed by the ticket id (there is no RMA).
 */
public record RmaRefused(String ticketId, String partnerId, String customerId, String serial, String cause,
                         String rule, String reason, String openRmaId, Instant refusedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
