package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * A partner or agent opened a support ticket (S2). The ticket's clocks are measured in its site's country,
 * subdivision and time zone (S1); the due instants are the S3 targets computed in business hours.
 */
public record TicketOpened(String ticketId, String partnerId, String customerId, String serial, String siteCountry,
                           String siteSubdivision, String timeZone, String subject, Instant openedAt,
                           Instant firstResponseDueAt, Instant triageDueAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
