package com.poly.daas.platform.calendar;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.BusinessCalendars;
import com.poly.daas.calendar.CalendarKey;
import com.poly.daas.calendar.CalendarPolicy;
import com.poly.daas.calendar.Region;
import com.poly.daas.calendar.UnsupportedCalendarException;
import com.poly.daas.platform.api.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * Business calendars (S1, A1, A3) of the services, with one registry and its caches per application. A site given
 * in a request gets problems naming the request's fields: a bad time zone or subdivision is 400, a country outside
 * North America and EMEA is 422 (P2), a country without a public-holiday calendar is 422 naming the rule that needs
 * one.
 */
@ApplicationScoped
public class SiteCalendars {
    private final BusinessCalendars calendars = new BusinessCalendars();

    /** The request fields a site is given in, as problems name them. */
    public record Fields(String country, String subdivision, String timeZone) {
    }

    /** The calendar of a customer's site described by a request. */
    public BusinessCalendar site(String country, String subdivision, String timeZone, CalendarPolicy policy, Fields fields,
                                 String rule) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            throw ApiProblem.invalidField(fields.timeZone(), "is not a time zone id such as America/New_York");
        }
        CalendarKey key;
        try {
            key = CalendarKey.of(country, subdivision, zone);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(subdivision == null ? fields.country() : fields.subdivision(), e.getMessage());
        }
        region(key.country(), fields.country());
        try {
            return calendars.calendar(key, policy);
        } catch (UnsupportedCalendarException e) {
            if (key.subdivision() != null) {
                throw ApiProblem.invalidField(fields.subdivision(), e.getMessage());
            }
            throw ApiProblem.ruleViolation(rule, "no-business-calendar", "No business calendar for the site", e.getMessage())
                    .field(fields.country(), "no public-holiday calendar");
        }
    }

    /** A calendar from configuration (e.g. a service centre's): an error there is the operator's, not the caller's. */
    public BusinessCalendar configured(CalendarKey key) {
        return calendars.calendar(key);
    }

    /** P2: the programme's region of a country, or 422 naming the field. */
    public static Region region(String country, String field) {
        return Region.of(country).orElseThrow(() -> ApiProblem.ruleViolation("P2", "outside-programme-regions",
                        "Site outside the programme's regions",
                        "Country " + country + " is outside North America and EMEA: the service does not exist there.")
                .field(field, "outside North America and EMEA"));
    }
}
