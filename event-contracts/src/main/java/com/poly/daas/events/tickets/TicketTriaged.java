package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * First-level support decided on the ticket's device (S3): {@code decision} HARDWARE_FAILURE (also published as
 * {@code HardwareFailureConfirmed}, which leads to the RMA, A1) or NO_FAULT (the partner keeps end-user support, S2).
 */
public record TicketTriaged(String ticketId, String partnerId, String decision, String cause, Instant triagedAt,
                            String triagedBy) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
