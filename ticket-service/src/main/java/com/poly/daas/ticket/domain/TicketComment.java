package com.poly.daas.ticket.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A comment on a ticket by the partner or an agent (S2: never by an end user). An internal note is an agent's only:
 * partners never see it, in the comments or on the timeline.
 */
@Entity
@Table(name = "ticket_comment")
public class TicketComment extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    public String body;
    public boolean internal;
    public String author;
    /** partner or agent. */
    @Column(name = "author_role")
    public String authorRole;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(insertable = false, updatable = false)
    public Long seq;
}
