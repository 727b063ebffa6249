package com.poly.daas.ticket.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.BusinessCalendars;
import com.poly.daas.calendar.CalendarKey;
import com.poly.daas.calendar.CalendarPolicy;
import com.poly.daas.calendar.Region;
import com.poly.daas.calendar.UnsupportedCalendarException;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.ticket.config.TicketPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;

/**
 * S1/S3 clocks of tickets: 8x5 business hours in the local time of the customer's site, without that country's
 * (and subdivision's) public holidays. All arithmetic is the business-calendar module's; this class only picks the
 * site's calendar and the configured targets.
 */
@ApplicationScoped
public class SupportClock {
    @Inject
    BusinessCalendars calendars;
    @Inject
    TicketPolicy policy;

    private volatile CalendarPolicy calendarPolicy;

    /** The due instants of a ticket opened at {@code openedAt} at a site (S3 decision, configurable). */
    public record Targets(Instant firstResponseDueAt, Instant triageDueAt) {
    }

    /**
     * The site's calendar. A zone that does not exist is 400; a country outside North America and EMEA is 422
     * (P2); an unknown subdivision is 400.
     */
    public BusinessCalendar siteCalendar(String country, String subdivision, String timeZone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "is not a time zone id such as America/New_York");
        }
        CalendarKey key;
        try {
            key = CalendarKey.of(country, subdivision, zone);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(subdivision == null ? "siteCountry" : "siteSubdivision", e.getMessage());
        }
        if (Region.of(key.country()).isEmpty()) {
            throw ApiProblem.ruleViolation("P2", "outside-programme-regions", "Site outside the programme's regions",
                    "Country " + key.country() + " is outside North America and EMEA: the service does not exist there.")
                    .field("siteCountry", "outside North America and EMEA");
        }
        try {
            return calendars.calendar(key, calendarPolicy());
        } catch (UnsupportedCalendarException e) {
            if (key.subdivision() != null) {
                throw ApiProblem.invalidField("siteSubdivision", e.getMessage());
            }
            throw ApiProblem.ruleViolation("S1", "no-business-calendar", "No business calendar for the site",
                    e.getMessage()).field("siteCountry", "no public-holiday calendar");
        }
    }

    /** S3: first response and triage due, counted in the site's business hours from the opening instant (S1). */
    public Targets targets(BusinessCalendar site, Instant openedAt) {
        return new Targets(site.addBusinessHours(openedAt, policy.firstResponseTarget()),
                site.addBusinessHours(openedAt, policy.triageTarget()));
    }

    private CalendarPolicy calendarPolicy() {
        CalendarPolicy p = calendarPolicy;
        if (p == null) {
            p = policy.calendarPolicy().isEmpty() ? CalendarPolicy.DEFAULT : CalendarPolicy.parse(policy.calendarPolicy());
            calendarPolicy = p;
        }
        return p;
    }
}
