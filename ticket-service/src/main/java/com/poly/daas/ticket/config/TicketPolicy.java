package com.poly.daas.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The support policy of first-level tickets (S1, S3 decisions), from {@code daas.tickets.*}. */
@ConfigMapping(prefix = "daas.tickets")
public interface TicketPolicy {

    /** S3 decision: first response within this much business time of opening (default 4 business hours). */
    @WithDefault("PT4H")
    Duration firstResponseTarget();

    /** S3 decision: triage decision within this much business time (default 1 business day = 8 business hours). */
    @WithDefault("PT8H")
    Duration triageTarget();

    /**
     * S3 "configurable per policy": partner-specific support policies ({@code daas.tickets.partner-policies."P-1001".*}),
     * each target falling back to the default above when not given.
     */
    Map<String, SupportPolicy> partnerPolicies();

    /** One partner's support policy: its own milestone targets in business time. */
    interface SupportPolicy {
        Optional<Duration> firstResponseTarget();

        Optional<Duration> triageTarget();
    }

    /** The scheduled SLA check that publishes SlaBreached ({@code every}: a Quarkus duration, or {@code off}). */
    SlaCheck slaCheck();

    interface SlaCheck {
        @WithDefault("1m")
        String every();

        /** Milestones claimed per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** Files attached to tickets (logs, photos): the largest accepted (the HTTP body limit, 8 MiB, caps it). */
    Attachments attachments();

    interface Attachments {
        @WithDefault("8388608")
        long maxBytes();
    }

    /**
     * S1 working week of first-level support as business-calendar {@code CalendarPolicy} keys
     * ({@code business-hours}, {@code working-days}, {@code closed-dates}, {@code open-dates}).
     */
    Map<String, String> calendarPolicy();
}
