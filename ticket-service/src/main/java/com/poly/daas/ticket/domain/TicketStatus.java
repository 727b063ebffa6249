package com.poly.daas.ticket.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a ticket. Only the transitions listed here exist; anything else is refused (409). */
public enum TicketStatus {
    OPEN,
    /** S3: first-level support decided whether the device has a hardware defect or failure. */
    TRIAGED,
    /**
     * Issue 13 (S3): an agent asked the partner something; the SLA milestones pause until the partner answers, which
     * puts the ticket back to OPEN.
     */
    WAITING_ON_PARTNER,
    RESOLVED,
    CLOSED;

    /** The statuses this one may move to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(TRIAGED, WAITING_ON_PARTNER, CLOSED);
            case WAITING_ON_PARTNER -> EnumSet.of(OPEN, CLOSED);
            case TRIAGED -> EnumSet.of(RESOLVED, CLOSED);
            case RESOLVED -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(TicketStatus.class);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }
}
