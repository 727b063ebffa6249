package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/** First-level support resolved a triaged ticket with what was done (S3). */
public record TicketResolved(String ticketId, String partnerId, String resolution, String rmaId, Instant resolvedAt,
                             String resolvedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
