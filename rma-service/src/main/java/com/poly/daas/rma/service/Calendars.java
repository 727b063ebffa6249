package com.poly.daas.rma.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.BusinessCalendars;
import com.poly.daas.calendar.CalendarKey;
import com.poly.daas.calendar.Region;
import com.poly.daas.calendar.UnsupportedCalendarException;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.rma.config.RmaPolicy;
import com.poly.daas.rma.config.RmaPolicy.ServiceCentre;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Picks the business calendars of an RMA: the customer's (ship-to site: A1 delivery, A3 return clock, S1) and the
 * ship-from service centre's of the customer's region (A1 cut-off). All arithmetic is the business-calendar
 * module's.
 */
@ApplicationScoped
public class Calendars {
    @Inject
    BusinessCalendars calendars;
    @Inject
    RmaPolicy policy;

    /** A ship-from centre and its calendar. */
    public record Centre(String code, BusinessCalendar calendar) {
    }

    /** The customer's calendar at the ship-to site; 400 for a bad zone or subdivision, 422 outside the regions (P2). */
    public BusinessCalendar customer(String country, String subdivision, String timeZone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("shipTo.timeZone", "is not a time zone id such as America/New_York");
        }
        CalendarKey key;
        try {
            key = CalendarKey.of(country, subdivision, zone);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(subdivision == null ? "shipTo.country" : "shipTo.subdivision", e.getMessage());
        }
        region(key.country());
        try {
            return calendars.calendar(key);
        } catch (UnsupportedCalendarException e) {
            if (key.subdivision() != null) {
                throw ApiProblem.invalidField("shipTo.subdivision", e.getMessage());
            }
            throw ApiProblem.ruleViolation("A3", "no-business-calendar", "No business calendar for the ship-to country",
                    e.getMessage()).field("shipTo.country", "no public-holiday calendar");
        }
    }

    /** A1/A3: the local Poly service centre of the customer's region. */
    public Centre centreFor(String customerCountry) {
        Region region = region(customerCountry);
        String name = region.name().toLowerCase(Locale.ROOT).replace('_', '-');
        ServiceCentre centre = policy.serviceCentres().get(name);
        if (centre == null) {
            throw new IllegalStateException("No service centre configured for region " + name
                    + " (daas.rmas.service-centres." + name + ".*)");
        }
        CalendarKey key = CalendarKey.of(centre.country(), centre.subdivision().orElse(null), ZoneId.of(centre.timeZone()));
        return new Centre(centre.code(), calendars.calendar(key));
    }

    private static Region region(String country) {
        return Region.of(country).orElseThrow(() -> ApiProblem.ruleViolation("P2", "outside-programme-regions",
                        "Ship-to site outside the programme's regions",
                        "Country " + country + " is outside North America and EMEA: the service does not exist there.")
                .field("shipTo.country", "outside North America and EMEA"));
    }
}
