package com.poly.daas.calendar;

import static com.poly.daas.calendar.TestCalendars.NEW_YORK;
import static com.poly.daas.calendar.TestCalendars.at;
import static com.poly.daas.calendar.TestCalendars.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-tenant overrides of the S1 working week, loaded from plain configuration. */
class CalendarPolicyTest {

    private static final CalendarKey US = CalendarKey.of("US", NEW_YORK);

    @Test
    void S1_defaultIsMondayToFridayNineToFive() {
        CalendarPolicy policy = CalendarPolicy.DEFAULT;
        assertEquals(LocalTime.of(9, 0), policy.opensAt());
        assertEquals(LocalTime.of(17, 0), policy.closesAt());
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), policy.workingDays());
        assertTrue(policy.closedDates().isEmpty());
        assertTrue(policy.openDates().isEmpty());
        assertEquals(Duration.ofHours(8), policy.businessDayLength());
        assertEquals(policy, CalendarPolicy.parse(Map.of()));
    }

    @Test
    void S1_parsesEveryKey() {
        CalendarPolicy policy = CalendarPolicy.parse(Map.of(
                "business-hours", "08:30-18:00",
                "working-days", "MON-THU, sat",
                "closed-dates", "2026-12-24..2026-12-31, 2027-05-14",
                "open-dates", "2026-06-06"));
        assertEquals(LocalTime.of(8, 30), policy.opensAt());
        assertEquals(LocalTime.of(18, 0), policy.closesAt());
        assertEquals(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.SATURDAY), policy.workingDays());
        assertEquals(9, policy.closedDates().size());
        assertTrue(policy.closedDates().contains(date("2026-12-27")));
        assertEquals(Set.of(date("2026-06-06")), policy.openDates());
        assertEquals(Map.of(
                "business-hours", "08:30-18:00",
                "working-days", "MON,TUE,WED,THU,SAT",
                "closed-dates", "2026-12-24..2026-12-31,2027-05-14",
                "open-dates", "2026-06-06"), policy.toMap());
    }

    @Test
    void S1_weekdayRangesMayWrapPastSunday() {
        // A Middle East site working Sunday to Thursday.
        assertEquals(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY), CalendarPolicy.parse(Map.of("working-days", "SUN-THU")).workingDays());
        assertEquals(EnumSet.allOf(DayOfWeek.class), CalendarPolicy.parse(Map.of("working-days", "Monday-Sunday")).workingDays());
    }

    @Test
    void S1_blankValuesMeanTheDefault() {
        assertEquals(CalendarPolicy.DEFAULT, CalendarPolicy.parse(Map.of("business-hours", " ", "closed-dates", "")));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "business-hours | 17:00-09:00              | open before they close",
            "business-hours | 09:00-09:00              | open before they close",
            "business-hours | 09:00                    | must look like 09:00-17:00",
            "business-hours | 9h-17h                   | is not a time like 09:00",
            "business-hours | 09:00:30-17:00           | whole minutes",
            "working-days   | MON-FUNDAY               | is not a weekday",
            "working-days   | ,                        | at least one working weekday",
            "working-days   | MON-TUE-WED              | is not a day or a range",
            "closed-dates   | 2026-12-31..2026-12-24   | ends before it starts",
            "closed-dates   | 2026-12-24..2062-12-31   | longer than 366 days",
            "closed-dates   | 2026-13-01               | is not an ISO date",
            "open-dates     | 24/12/2026               | is not an ISO date",
            "shutdown       | 2026-12-24               | unknown calendar policy key",
    })
    void S1_invalidConfigurationIsRefusedWithAClearMessage(String key, String value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CalendarPolicy.parse(Map.of(key, value)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void S1_aDateCannotBeBothClosedAndOpen() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarPolicy.parse(Map.of(
                "closed-dates", "2026-12-24..2026-12-31", "open-dates", "2026-12-28")));
        assertTrue(e.getMessage().contains("2026-12-28 is both a closed date and an open date"), e.getMessage());
    }

    @Test
    void S1_policyIsImmutable() {
        CalendarPolicy policy = CalendarPolicy.parse(Map.of("closed-dates", "2026-12-24"));
        assertThrows(UnsupportedOperationException.class, () -> policy.closedDates().add(date("2026-12-25")));
        assertThrows(UnsupportedOperationException.class, () -> policy.workingDays().add(DayOfWeek.SUNDAY));
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY);
        CalendarPolicy mondays = CalendarPolicy.DEFAULT.withWorkingDays(days);
        days.add(DayOfWeek.TUESDAY);
        assertEquals(Set.of(DayOfWeek.MONDAY), mondays.workingDays());
    }

    @Test
    void S1_toMapRoundTripsForRandomPolicies() {
        Random random = new Random(20260524L);
        for (int i = 0; i < 2_000; i++) {
            int opens = random.nextInt(23 * 60);
            int closes = opens + 1 + random.nextInt(24 * 60 - 1 - opens);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextBoolean()) {
                    days.add(day);
                }
            }
            if (days.isEmpty()) {
                days.add(DayOfWeek.of(1 + random.nextInt(7)));
            }
            TreeSet<LocalDate> closed = new TreeSet<>();
            TreeSet<LocalDate> open = new TreeSet<>();
            LocalDate base = LocalDate.of(2026, 1, 1);
            for (int j = random.nextInt(6); j > 0; j--) {
                LocalDate from = base.plusDays(random.nextInt(1000));
                from.datesUntil(from.plusDays(1 + random.nextInt(400))).forEach(closed::add);
            }
            for (int j = random.nextInt(4); j > 0; j--) {
                LocalDate date = base.plusDays(random.nextInt(1500));
                if (!closed.contains(date)) {
                    open.add(date);
                }
            }
            CalendarPolicy policy = new CalendarPolicy(LocalTime.of(opens / 60, opens % 60),
                    LocalTime.of(closes / 60, closes % 60), days, closed, open);
            assertEquals(policy, CalendarPolicy.parse(policy.toMap()), policy.toMap().toString());
        }
    }

    @Test
    void S1_companyShutdownIsNotBusinessTime() {
        BusinessCalendar shutdown = TestCalendars.CALENDARS.calendar(US,
                CalendarPolicy.parse(Map.of("closed-dates", "2026-12-24..2026-12-31")));
        assertFalse(shutdown.isBusinessDay(date("2026-12-28")));
        assertTrue(shutdown.isBusinessDay(date("2026-12-23")));
        // A3: received before the shutdown; the shutdown and New Year's Day don't count.
        assertEquals(date("2027-01-14"), shutdown.addBusinessDays(date("2026-12-22"), 10));
        // S1: Wednesday 23rd 16:00 + 4h resumes on Monday 2027-01-04.
        assertEquals(at("2027-01-04T12:00", NEW_YORK), shutdown.addBusinessHours(at("2026-12-23T16:00", NEW_YORK), Duration.ofHours(4)));
        // The public holidays themselves are unchanged by the policy.
        assertTrue(shutdown.isPublicHoliday(date("2026-12-25")));
        assertFalse(shutdown.isPublicHoliday(date("2026-12-28")));
    }

    @Test
    void S1_openDatesAreBusinessDaysEvenOnWeekendsAndHolidays() {
        BusinessCalendar saturdayShift = TestCalendars.CALENDARS.calendar(US,
                CalendarPolicy.parse(Map.of("open-dates", "2026-05-16,2026-07-03")));
        assertTrue(saturdayShift.isBusinessDay(date("2026-05-16")));
        assertTrue(saturdayShift.isBusinessDay(date("2026-07-03")));
        assertEquals(at("2026-05-16T11:00", NEW_YORK), saturdayShift.addBusinessHours(at("2026-05-15T16:00", NEW_YORK), Duration.ofHours(3)));
        assertEquals(date("2026-05-16"), saturdayShift.nextBusinessDay(date("2026-05-15")));
    }

    @Test
    void S1_differentWorkingWindow() {
        BusinessCalendar longDays = TestCalendars.CALENDARS.calendar(US,
                CalendarPolicy.parse(Map.of("business-hours", "08:00-18:00")));
        assertEquals(Duration.ofHours(10), longDays.businessHoursBetween(at("2026-05-18T00:00", NEW_YORK), at("2026-05-19T00:00", NEW_YORK)));
        assertEquals(at("2026-05-18T10:00", NEW_YORK), longDays.addBusinessHours(at("2026-05-15T16:00", NEW_YORK), Duration.ofHours(4)));
    }

    @Test
    void S1_middleEastSiteCanWorkSundayToThursday() {
        BusinessCalendar riyadh = TestCalendars.CALENDARS.calendar(TestCalendars.key("SA"),
                CalendarPolicy.parse(Map.of("working-days", "SUN-THU")));
        assertTrue(riyadh.isBusinessDay(date("2026-11-01")));   // Sunday
        assertFalse(riyadh.isBusinessDay(date("2026-11-06")));  // Friday
        assertEquals(date("2026-11-08"), riyadh.nextBusinessDay(date("2026-11-05")));  // Thursday -> Sunday
    }

    @Test
    void S1_configuredFromAMutableMapIsUnaffectedByLaterChanges() {
        Map<String, String> config = new HashMap<>(Map.of("business-hours", "10:00-16:00"));
        CalendarPolicy policy = CalendarPolicy.parse(config);
        config.put("business-hours", "07:00-08:00");
        assertEquals(LocalTime.of(10, 0), policy.opensAt());
    }
}
