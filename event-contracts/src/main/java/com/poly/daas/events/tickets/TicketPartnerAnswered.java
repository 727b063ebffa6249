package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/** The partner answered a ticket waiting on it: the ticket is OPEN again and its S3 milestones count again. */
public record TicketPartnerAnswered(String ticketId, String partnerId, Instant answeredAt, String answeredBy)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
