package com.poly.daas.ticket.domain;

/** S3: the ticket's SLA milestones, each counted in the site's business hours (S1). */
public enum Milestone {
    /** S3 decision: an agent answers the partner within 4 business hours (default). */
    FIRST_RESPONSE,
    /** S3 decision: first-level support decides whether the hardware failed within 1 business day (default). */
    TRIAGE
}
