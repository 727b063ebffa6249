package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/** An agent asked the partner something: the ticket waits on the partner and its S3 milestones pause. */
public record TicketAwaitingPartner(String ticketId, String partnerId, Instant since, String askedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
