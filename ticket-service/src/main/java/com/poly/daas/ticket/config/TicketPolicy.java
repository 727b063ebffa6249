package com.poly.daas.ticket.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

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
     * S1 working week of first-level support as business-calendar {@code CalendarPolicy} keys
     * ({@code business-hours}, {@code working-days}, {@code closed-dates}, {@code open-dates}).
     */
    Map<String, String> calendarPolicy();
}
