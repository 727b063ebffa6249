package com.poly.daas.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of the advance replacement a ticket led to (S3), as rma-service reported it. */
@Entity
@Table(name = "ticket_step")
public class TicketStep {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public Instant at;
    /** RMA_AUTHORISED, RMA_REFUSED, REPLACEMENT_SHIPPED, REPLACEMENT_DELIVERED, RETURN_OVERDUE, DEFECTIVE_UNIT_RECEIVED, LATE_RETURN_RECEIVED. */
    public String step;
    public String detail;
    @Column(name = "rma_id")
    public String rmaId;
    /** The refusing rule's id (RMA_REFUSED). */
    public String rule;
    /** Arrival order, for steps recorded at the same instant. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
