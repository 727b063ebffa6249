package com.poly.daas.calendar;

import static com.poly.daas.calendar.TestCalendars.NEW_YORK;
import static com.poly.daas.calendar.TestCalendars.PARIS;
import static com.poly.daas.calendar.TestCalendars.at;
import static com.poly.daas.calendar.TestCalendars.calendar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** S1: business hours, Monday-Friday 09:00-17:00 local time, without public holidays. */
class BusinessHoursTest {

    private static final Duration FOUR_HOURS = Duration.ofHours(4);

    @Test
    void S1_ticketOpenedFridayAt16WithFourHourTargetIsDueMondayAtNoon() {
        // S3 decision: first response within 4 business hours. One hour on Friday, three on Monday.
        BusinessCalendar us = calendar("US");
        assertEquals(at("2026-05-18T12:00", NEW_YORK), us.addBusinessHours(at("2026-05-15T16:00", NEW_YORK), FOUR_HOURS));
    }

    @ParameterizedTest(name = "{0}: {1} + {2} -> {3}")
    @CsvSource({
            // one minute on Friday, 3h59 on Monday
            "US, 2026-05-15T16:59, PT4H,  2026-05-18T12:59",
            // ends exactly at closing: 17:00 that day, not 09:00 the next
            "US, 2026-05-18T13:00, PT4H,  2026-05-18T17:00",
            "US, 2026-05-18T09:00, PT8H,  2026-05-18T17:00",
            "US, 2026-05-15T16:00, PT1H,  2026-05-15T17:00",
            // before opening counts from 09:00, after closing from the next business day's 09:00
            "US, 2026-05-18T07:30, PT1H,  2026-05-18T10:00",
            "US, 2026-05-18T18:00, PT1H,  2026-05-19T10:00",
            "US, 2026-05-18T17:00, PT1M,  2026-05-19T09:01",
            // weekend and holiday starts
            "US, 2026-05-16T10:00, PT1H,  2026-05-18T10:00",
            "US, 2026-11-26T10:00, PT2H,  2026-11-27T11:00",
            // Christmas Eve afternoon: two hours, then Christmas Day and the weekend
            "US, 2026-12-24T15:00, PT4H,  2026-12-28T11:00",
            // year boundary: New Year's Day 2027 is a Friday
            "US, 2026-12-31T16:00, PT4H,  2027-01-04T12:00",
            "US, 2027-12-30T16:00, PT4H,  2028-01-03T12:00",
            // S3 decision: triage within 1 business day = 8 business hours
            "US, 2026-05-15T11:00, PT8H,  2026-05-18T11:00",
            "GB-ENG, 2027-12-24T16:30, PT1H, 2027-12-29T09:30",
            "DE-BY, 2026-01-05T16:00, PT2H, 2026-01-07T10:00",
    })
    void S1_addBusinessHours(String calendar, String start, Duration amount, String expected) {
        BusinessCalendar businessCalendar = calendar(calendar);
        ZoneId zone = businessCalendar.zone();
        assertEquals(at(expected, zone), businessCalendar.addBusinessHours(at(start, zone), amount));
    }

    @Test
    void S1_addingNothingReturnsTheStart() {
        Instant saturday = at("2026-05-16T10:00", NEW_YORK);
        assertEquals(saturday, calendar("US").addBusinessHours(saturday, Duration.ZERO));
    }

    @Test
    void S1_negativeAmountsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> calendar("US").addBusinessHours(Instant.parse("2026-05-18T14:00:00Z"), Duration.ofMinutes(-1)));
    }

    @Test
    void S1_addBusinessMinutesIsAddBusinessHoursInMinutes() {
        Instant start = at("2026-05-15T16:00", NEW_YORK);
        assertEquals(calendar("US").addBusinessHours(start, FOUR_HOURS), calendar("US").addBusinessMinutes(start, 240));
    }

    @ParameterizedTest(name = "{0}: {1} .. {2} = {3}")
    @CsvSource({
            "US, 2026-05-18T10:00, 2026-05-18T11:30, PT1H30M",
            "US, 2026-05-15T16:00, 2026-05-18T12:00, PT4H",
            "US, 2026-05-18T07:00, 2026-05-18T20:00, PT8H",
            "US, 2026-05-18T17:30, 2026-05-18T23:00, PT0S",
            "US, 2026-05-16T00:00, 2026-05-18T00:00, PT0S",
            "US, 2026-12-24T09:00, 2026-12-28T17:00, PT16H",
            "US, 2026-12-31T16:00, 2027-01-04T12:00, PT4H",
            // one full US week with Memorial Day: four days
            "US, 2026-05-25T00:00, 2026-06-01T00:00, PT32H",
            // a whole year: 261 weekdays less 10 weekday federal holidays (jollyday has no Columbus Day, see docs)
            "US, 2026-01-01T00:00, 2027-01-01T00:00, PT2008H",
    })
    void S1_businessHoursBetween(String calendar, String start, String end, Duration expected) {
        BusinessCalendar businessCalendar = calendar(calendar);
        ZoneId zone = businessCalendar.zone();
        assertEquals(expected, businessCalendar.businessHoursBetween(at(start, zone), at(end, zone)));
    }

    @Test
    void S1_businessHoursBetweenIsZeroWhenEndIsNotAfterStart() {
        Instant start = at("2026-05-18T12:00", NEW_YORK);
        assertEquals(Duration.ZERO, calendar("US").businessHoursBetween(start, start));
        assertEquals(Duration.ZERO, calendar("US").businessHoursBetween(start, start.minusSeconds(3600)));
    }

    @Test
    void S1_businessHoursBetweenKeepsSubSecondPrecision() {
        Instant start = at("2026-05-18T10:00", NEW_YORK).plusNanos(250_000_000);
        Instant end = at("2026-05-18T10:00:01", NEW_YORK).plusNanos(125_000_000);
        assertEquals(Duration.ofNanos(875_000_000), calendar("US").businessHoursBetween(start, end));
        assertEquals(end, calendar("US").addBusinessHours(start, Duration.ofNanos(875_000_000)));
    }

    @Test
    void S1_withinBusinessHoursIncludesOpeningAndExcludesClosing() {
        BusinessCalendar us = calendar("US");
        assertTrue(us.isWithinBusinessHours(at("2026-05-18T09:00", NEW_YORK)));
        assertTrue(us.isWithinBusinessHours(at("2026-05-18T16:59:59", NEW_YORK)));
        assertFalse(us.isWithinBusinessHours(at("2026-05-18T17:00", NEW_YORK)));
        assertFalse(us.isWithinBusinessHours(at("2026-05-18T08:59:59", NEW_YORK)));
        assertFalse(us.isWithinBusinessHours(at("2026-05-16T12:00", NEW_YORK)));
        assertFalse(us.isWithinBusinessHours(at("2026-07-03T12:00", NEW_YORK)));
    }

    @Test
    void S1_localTimeOfTheSiteCountsNotUtc() {
        // 13:30 UTC is 09:30 in New York (EDT) but 15:30 in Paris (CEST).
        Instant instant = Instant.parse("2026-05-18T13:30:00Z");
        assertEquals(Instant.parse("2026-05-18T21:00:00Z"), calendar("US").addBusinessHours(instant, Duration.ofHours(7).plusMinutes(30)));
        // Paris: 1h30 on Monday (15:30-17:00), 30 minutes on Tuesday: 09:30 CEST.
        assertEquals(Instant.parse("2026-05-19T07:30:00Z"), calendar("FR").addBusinessHours(instant, Duration.ofHours(2)));
    }

    // --- daylight saving time: NA and EMEA zones switch at night, so an 8-hour window stays 8 real hours ---

    @ParameterizedTest(name = "{0} {1}: Friday 16:00 + 4h -> Monday 12:00")
    @CsvSource({
            "US, 2026-03-06T16:00, 2026-03-09T12:00",  // New York springs forward Sunday 2026-03-08
            "US, 2026-10-30T16:00, 2026-11-02T12:00",  // New York falls back Sunday 2026-11-01
            "FR, 2026-03-27T16:00, 2026-03-30T12:00",  // Paris springs forward Sunday 2026-03-29
            "FR, 2026-10-23T16:00, 2026-10-26T12:00",  // Paris falls back Sunday 2026-10-25
    })
    void S1_weekendDstChangeDoesNotMoveTheDueTime(String calendar, String start, String due) {
        BusinessCalendar businessCalendar = calendar(calendar);
        ZoneId zone = businessCalendar.zone();
        assertEquals(at(due, zone), businessCalendar.addBusinessHours(at(start, zone), FOUR_HOURS));
        assertEquals(FOUR_HOURS, businessCalendar.businessHoursBetween(at(start, zone), at(due, zone)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "America/New_York, 2026-03-08",
            "America/New_York, 2026-11-01",
            "Europe/Paris,     2026-03-29",
            "Europe/Paris,     2026-10-25",
    })
    void S1_businessDayOnADstChangeDayHasEightHours(ZoneId zone, String day) {
        // The changes fall on Sundays: open every day so that the change day itself is a business day.
        BusinessCalendar everyDay = sevenDayCalendar(zone, LocalTime.of(9, 0), LocalTime.of(17, 0));
        Instant midnight = at(day + "T00:00", zone);
        Instant nextMidnight = at(LocalDate.parse(day).plusDays(1) + "T00:00", zone);
        assertEquals(Duration.ofHours(8), everyDay.businessHoursBetween(midnight, nextMidnight));
        assertEquals(at(day + "T17:00", zone), everyDay.addBusinessHours(at(day + "T09:00", zone), Duration.ofHours(8)));
        assertEquals(at(day + "T13:00", zone), everyDay.addBusinessHours(at(day + "T00:30", zone), FOUR_HOURS));
    }

    @Test
    void S1_windowAcrossADstChangeCountsRealElapsedTime() {
        // A 01:00-04:00 window contains the change: 2 real hours in spring (02:00 -> 03:00), 4 in autumn.
        BusinessCalendar night = sevenDayCalendar(NEW_YORK, LocalTime.of(1, 0), LocalTime.of(4, 0));
        assertEquals(Duration.ofHours(2), night.businessHoursBetween(at("2026-03-08T00:00", NEW_YORK), at("2026-03-08T12:00", NEW_YORK)));
        assertEquals(Duration.ofHours(4), night.businessHoursBetween(at("2026-11-01T00:00", NEW_YORK), at("2026-11-01T12:00", NEW_YORK)));
        assertEquals(at("2026-03-08T04:00", NEW_YORK), night.addBusinessHours(at("2026-03-08T00:00", NEW_YORK), Duration.ofHours(2)));
        BusinessCalendar parisNight = sevenDayCalendar(PARIS, LocalTime.of(1, 0), LocalTime.of(4, 0));
        assertEquals(Duration.ofHours(2), parisNight.businessHoursBetween(at("2026-03-29T00:00", PARIS), at("2026-03-29T12:00", PARIS)));
        assertEquals(Duration.ofHours(4), parisNight.businessHoursBetween(at("2026-10-25T00:00", PARIS), at("2026-10-25T12:00", PARIS)));
    }

    private static BusinessCalendar sevenDayCalendar(ZoneId zone, LocalTime opens, LocalTime closes) {
        String country = zone.equals(PARIS) ? "FR" : "US";
        CalendarPolicy policy = CalendarPolicy.DEFAULT.withWorkingDays(EnumSet.allOf(DayOfWeek.class)).withBusinessHours(opens, closes);
        return TestCalendars.CALENDARS.calendar(CalendarKey.of(country, zone), policy);
    }
}
