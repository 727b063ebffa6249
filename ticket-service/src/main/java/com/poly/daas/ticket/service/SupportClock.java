package com.poly.daas.ticket.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.platform.calendar.SiteCalendars;
import com.poly.daas.calendar.CalendarPolicy;
import com.poly.daas.ticket.config.TicketPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * S1/S3 clocks of tickets: 8x5 business hours in the local time of the customer's site, without that country's
 * (and subdivision's) public holidays. All arithmetic is the business-calendar module's; this class only picks the
 * site's calendar and the configured targets.
 */
@ApplicationScoped
public class SupportClock {
    private static final SiteCalendars.Fields SITE_FIELDS = new SiteCalendars.Fields("siteCountry", "siteSubdivision", "timeZone");

    @Inject
    SiteCalendars calendars;
    @Inject
    TicketPolicy policy;

    private volatile CalendarPolicy calendarPolicy;

    /** The due instants of a ticket opened at {@code openedAt} at a site (S3 decision, configurable). */
    public record Targets(Instant firstResponseDueAt, Instant triageDueAt) {
    }

    /** The support policy of a partner: its name and milestone targets (S3: configurable per policy). */
    public record SupportPolicy(String name, Duration firstResponseTarget, Duration triageTarget) {
    }

    /** The partner's own policy when configured (each target falling back to the default), else the default. */
    public SupportPolicy policyOf(String partnerId) {
        TicketPolicy.SupportPolicy own = policy.partnerPolicies().get(partnerId);
        if (own == null) {
            return new SupportPolicy("default", policy.firstResponseTarget(), policy.triageTarget());
        }
        return new SupportPolicy("partner " + partnerId, own.firstResponseTarget().orElse(policy.firstResponseTarget()),
                own.triageTarget().orElse(policy.triageTarget()));
    }

    /**
     * The site's calendar. A zone that does not exist is 400; a country outside North America and EMEA is 422
     * (P2); an unknown subdivision is 400.
     */
    public BusinessCalendar siteCalendar(String country, String subdivision, String timeZone) {
        return calendars.site(country, subdivision, timeZone, calendarPolicy(), SITE_FIELDS, "S1");
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
