package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/** The partner or an agent closed the ticket (S2); {@code previousStatus} is the status it closed from. */
public record TicketClosed(String ticketId, String partnerId, String previousStatus, String reason, Instant closedAt,
                           String closedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
