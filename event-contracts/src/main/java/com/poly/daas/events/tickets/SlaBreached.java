package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * A ticket's S3 milestone ({@code FIRST_RESPONSE} or {@code TRIAGE}) passed its due instant before it was met: its
 * {@code target} (ISO-8601 business duration of the ticket's support policy) counted in the site's business hours
 * (S1, {@code timeZone}) ran out at {@code dueAt}. Published once per ticket and milestone by the SLA check.
 */
public record SlaBreached(String ticketId, String partnerId, String customerId, String serial, String milestone,
                          String supportPolicy, String target, Instant dueAt, String timeZone, String assignee,
                          Instant detectedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
