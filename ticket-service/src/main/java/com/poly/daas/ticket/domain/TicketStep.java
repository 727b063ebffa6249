package com.poly.daas.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change on a ticket's timeline: desk work (first response, assignment, comments, waits, SLA breaches) and the
 * steps of the advance replacement the ticket led to (S3), as rma-service reported them.
 */
@Entity
@Table(name = "ticket_step")
public class TicketStep {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public Instant at;
    /** FIRST_RESPONSE, ASSIGNED, COMMENTED, INTERNAL_NOTE, WAITING_ON_PARTNER, PARTNER_ANSWERED, SLA_BREACHED, RMA_AUTHORISED, RMA_REFUSED, REPLACEMENT_SHIPPED, REPLACEMENT_DELIVERED, RETURN_OVERDUE, DEFECTIVE_UNIT_RECEIVED, LATE_RETURN_RECEIVED. */
    public String step;
    public String detail;
    @Column(name = "rma_id")
    public String rmaId;
    /** The refusing rule's id (RMA_REFUSED). */
    public String rule;
    /** Who made the change (a user id, or the service that reported it). */
    public String actor;
    /** An agent-only step (an internal note): never shown to partners. */
    public boolean internal;
    /** Arrival order, for steps recorded at the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    public static TicketStep of(java.util.UUID ticketId, Instant at, String step, String detail, String actor) {
        TicketStep s = new TicketStep();
        s.id = java.util.UUID.randomUUID();
        s.ticketId = ticketId;
        s.at = at;
        s.step = step;
        s.detail = detail;
        s.actor = actor;
        return s;
    }
}
