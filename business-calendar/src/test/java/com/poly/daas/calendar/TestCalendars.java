package com.poly.daas.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;

/** Shared fixtures: one registry for all tests (its caches are what production uses) and a zone per country. */
final class TestCalendars {

    static final BusinessCalendars CALENDARS = new BusinessCalendars();

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Map<String, ZoneId> ZONES = Map.ofEntries(
            Map.entry("US", NEW_YORK),
            Map.entry("CA", ZoneId.of("America/Toronto")),
            Map.entry("MX", ZoneId.of("America/Mexico_City")),
            Map.entry("GB", ZoneId.of("Europe/London")),
            Map.entry("IE", ZoneId.of("Europe/Dublin")),
            Map.entry("DE", ZoneId.of("Europe/Berlin")),
            Map.entry("FR", PARIS),
            Map.entry("NL", ZoneId.of("Europe/Amsterdam")),
            Map.entry("ZA", ZoneId.of("Africa/Johannesburg")),
            Map.entry("AE", ZoneId.of("Asia/Dubai")),
            Map.entry("SA", ZoneId.of("Asia/Riyadh")));

    private TestCalendars() {
    }

    /** The default-policy calendar of an ISO code such as "US" or "DE-BY", in the country's main zone. */
    static BusinessCalendar calendar(String isoCode) {
        return CALENDARS.calendar(key(isoCode));
    }

    static CalendarKey key(String isoCode) {
        String country = isoCode.substring(0, 2);
        return CalendarKey.parse(isoCode, ZONES.getOrDefault(country, ZoneId.of("UTC")));
    }

    static ZoneId zoneOf(String country) {
        return ZONES.getOrDefault(country, ZoneId.of("UTC"));
    }

    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
