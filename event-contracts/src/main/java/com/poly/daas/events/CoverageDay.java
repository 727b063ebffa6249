package com.poly.daas.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * P4 decision (docs/decisions.md): the calendar day an instant belongs to for coverage is the day at the customer's
 * site, in its time zone. Every service that turns an instant into a coverage day (rma-service deciding "covered
 * today", contract-service ending the original's coverage on the day its replacement shipped) uses this one rule.
 * Facts without a zone (events from before the zone travelled) fall back to UTC.
 */
public final class CoverageDay {

    /** The customer's calendar day of {@code at}; UTC when {@code customerTimeZone} is null. */
    public static LocalDate of(Instant at, String customerTimeZone) {
        if (customerTimeZone == null || customerTimeZone.isBlank()) {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
        try {
            return LocalDate.ofInstant(at, ZoneId.of(customerTimeZone));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a time zone: " + customerTimeZone, e);
        }
    }

    private CoverageDay() {
    }
}
