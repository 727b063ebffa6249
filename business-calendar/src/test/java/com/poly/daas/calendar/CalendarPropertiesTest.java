package com.poly.daas.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S1 and A3 properties over thousands of seeded random cases in several countries and policies, checked against
 * a naive day-by-day reference implementation that shares no code with the precomputed year tables.
 */
class CalendarPropertiesTest {

    private static final int CASES = 1_500;
    private static final LocalDate FROM = LocalDate.of(2025, 6, 1);
    private static final int SPAN_DAYS = 5 * 365;

    static Stream<Arguments> calendars() {
        Map<String, String> shutdown = Map.of("closed-dates", "2026-12-24..2027-01-01, 2028-08-03..2028-08-14",
                "open-dates", "2027-06-05, 2028-01-01");
        return Stream.of(
                Arguments.of("US", Map.of()),
                Arguments.of("US-CA", Map.of()),
                Arguments.of("CA-QC", Map.of()),
                Arguments.of("MX", Map.of()),
                Arguments.of("GB-ENG", Map.of()),
                Arguments.of("GB-SCT", Map.of()),
                Arguments.of("IE", Map.of()),
                Arguments.of("DE-BY", Map.of()),
                Arguments.of("FR", Map.of()),
                Arguments.of("NL", Map.of()),
                Arguments.of("ZA", Map.of()),
                Arguments.of("AE", Map.of()),
                Arguments.of("SA", Map.of("working-days", "SUN-THU")),
                Arguments.of("US", shutdown),
                Arguments.of("DE", Map.of("business-hours", "07:30-19:45", "working-days", "MON-SAT")),
                Arguments.of("FR", Map.of("business-hours", "00:00-23:59", "working-days", "MON-SUN")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void S1_isBusinessDayAgreesWithTheNaiveRuleOnEveryDay(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        for (int i = 0; i < SPAN_DAYS; i++) {
            LocalDate date = FROM.plusDays(i);
            assertEquals(reference.isBusinessDay(date), reference.calendar.isBusinessDay(date), date.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void A3_addBusinessDaysMatchesCountingDayByDay(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        Random random = new Random(seed(code, config, 1));
        for (int i = 0; i < CASES; i++) {
            LocalDate date = randomDate(random);
            int days = random.nextInt(40);
            LocalDate result = reference.calendar.addBusinessDays(date, days);
            assertEquals(reference.addBusinessDays(date, days), result, date + " + " + days);
            assertTrue(reference.calendar.isBusinessDay(result), "result is a business day: " + result);
            assertTrue(days == 0 ? !result.isBefore(date) : result.isAfter(date));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void A3_addingBusinessDaysComposes(String code, Map<String, String> config) {
        BusinessCalendar calendar = new Reference(code, config).calendar;
        Random random = new Random(seed(code, config, 2));
        for (int i = 0; i < CASES; i++) {
            LocalDate date = randomDate(random);
            int n = random.nextInt(30);
            int m = random.nextInt(30);
            // Holds for any start when n >= 1; with n == 0 only when the start is itself a business day.
            if (n >= 1 || calendar.isBusinessDay(date)) {
                assertEquals(calendar.addBusinessDays(date, n + m),
                        calendar.addBusinessDays(calendar.addBusinessDays(date, n), m), date + " + " + n + " + " + m);
            }
            // Monotone in the start date and in the number of days.
            LocalDate later = date.plusDays(random.nextInt(10));
            assertFalse(calendar.addBusinessDays(later, n).isBefore(calendar.addBusinessDays(date, n)));
            assertFalse(calendar.addBusinessDays(date, n + m).isBefore(calendar.addBusinessDays(date, n)));
            // The next business day is strictly after and nothing in between is a business day.
            LocalDate next = calendar.nextBusinessDay(date);
            for (LocalDate d = date.plusDays(1); d.isBefore(next); d = d.plusDays(1)) {
                assertFalse(calendar.isBusinessDay(d), d.toString());
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void S1_businessHoursBetweenMatchesSummingWindowsDayByDay(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        Random random = new Random(seed(code, config, 3));
        for (int i = 0; i < CASES; i++) {
            Instant start = randomInstant(random, reference);
            Instant end = start.plus(randomDuration(random, 24 * 21));
            assertEquals(reference.businessTimeBetween(start, end), reference.calendar.businessHoursBetween(start, end),
                    start + " .. " + end);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void S1_elapsedBusinessTimeAfterAddingIsWhatWasAdded(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        BusinessCalendar calendar = reference.calendar;
        Random random = new Random(seed(code, config, 4));
        for (int i = 0; i < CASES; i++) {
            Instant start = randomInstant(random, reference);
            Duration amount = randomDuration(random, 200);
            Instant due = calendar.addBusinessHours(start, amount);
            assertEquals(amount, calendar.businessHoursBetween(start, due), start + " + " + amount);
            assertFalse(due.isBefore(start));
            if (!amount.isZero()) {
                // The earliest such instant: a due time is inside a window or exactly on its closing time.
                Instant justBefore = due.minusNanos(1);
                assertTrue(calendar.isWithinBusinessHours(justBefore), "due " + due + " is the end of business time");
                assertEquals(amount.minusNanos(1), calendar.businessHoursBetween(start, justBefore));
            }
            // Monotone in the amount.
            Duration more = amount.plus(randomDuration(random, 20));
            assertFalse(calendar.addBusinessHours(start, more).isBefore(due));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void S1_businessHoursBetweenIsAdditiveOverASplitPoint(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        BusinessCalendar calendar = reference.calendar;
        Random random = new Random(seed(code, config, 5));
        for (int i = 0; i < CASES; i++) {
            Instant a = randomInstant(random, reference);
            Instant b = a.plus(randomDuration(random, 24 * 60));
            Instant c = b.plus(randomDuration(random, 24 * 60));
            assertEquals(calendar.businessHoursBetween(a, c),
                    calendar.businessHoursBetween(a, b).plus(calendar.businessHoursBetween(b, c)), a + " " + b + " " + c);
            assertEquals(Duration.ZERO, calendar.businessHoursBetween(c, a));
            assertFalse(calendar.businessHoursBetween(a, b).compareTo(calendar.businessHoursBetween(a, c)) > 0);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendars")
    void A1_shipDateIsTheSameBusinessDayBeforeTheCutOffElseTheNext(String code, Map<String, String> config) {
        Reference reference = new Reference(code, config);
        BusinessCalendar calendar = reference.calendar;
        Random random = new Random(seed(code, config, 6));
        for (int i = 0; i < CASES; i++) {
            ZonedDateTime authorised = randomInstant(random, reference).atZone(calendar.zone());
            LocalDate ship = calendar.shipDate(authorised.toInstant());
            LocalDate day = authorised.toLocalDate();
            boolean sameDay = reference.isBusinessDay(day) && authorised.getHour() < 15;
            assertEquals(sameDay ? day : reference.addBusinessDays(day, 1), ship, authorised.toString());
        }
    }

    private static long seed(String code, Map<String, String> config, int property) {
        return 31L * (code + config).hashCode() + property;
    }

    private static LocalDate randomDate(Random random) {
        return FROM.plusDays(random.nextInt(SPAN_DAYS - 200));
    }

    private static Instant randomInstant(Random random, Reference reference) {
        ZonedDateTime midnight = randomDate(random).atStartOfDay(reference.calendar.zone());
        Instant instant = midnight.toInstant().plusSeconds(random.nextInt(24 * 3600));
        // Mostly whole minutes (ticket clocks), sometimes with seconds and nanoseconds.
        return switch (random.nextInt(4)) {
            case 0 -> instant.plusNanos(random.nextInt(1_000_000_000));
            case 1 -> instant;
            default -> instant.minusSeconds(instant.getEpochSecond() % 60);
        };
    }

    private static Duration randomDuration(Random random, int maxHours) {
        Duration minutes = Duration.ofMinutes(random.nextInt(maxHours * 60 + 1));
        return random.nextInt(5) == 0 ? minutes.plusNanos(random.nextInt(1_000_000_000)) : minutes;
    }

    /** The rules written out naively: one day at a time, windows placed with ZonedDateTime. */
    private static final class Reference {
        final BusinessCalendar calendar;
        private final CalendarPolicy policy;
        private final Set<LocalDate> holidays = new HashSet<>();

        Reference(String code, Map<String, String> config) {
            this.policy = CalendarPolicy.parse(config);
            this.calendar = TestCalendars.CALENDARS.calendar(TestCalendars.key(code), policy);
            for (int year = FROM.getYear() - 1; year <= FROM.getYear() + 7; year++) {
                calendar.publicHolidays(year).forEach(h -> holidays.add(h.date()));
            }
        }

        boolean isBusinessDay(LocalDate date) {
            if (policy.closedDates().contains(date)) {
                return false;
            }
            DayOfWeek weekday = date.getDayOfWeek();
            return policy.openDates().contains(date) || policy.workingDays().contains(weekday) && !holidays.contains(date);
        }

        LocalDate addBusinessDays(LocalDate date, int days) {
            LocalDate current = date;
            if (days == 0) {
                while (!isBusinessDay(current)) {
                    current = current.plusDays(1);
                }
                return current;
            }
            for (int counted = 0; counted < days; ) {
                current = current.plusDays(1);
                if (isBusinessDay(current)) {
                    counted++;
                }
            }
            return current;
        }

        Duration businessTimeBetween(Instant start, Instant end) {
            Duration total = Duration.ZERO;
            LocalDate last = end.atZone(calendar.zone()).toLocalDate();
            for (LocalDate day = start.atZone(calendar.zone()).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                if (!isBusinessDay(day)) {
                    continue;
                }
                Instant open = ZonedDateTime.of(day, policy.opensAt(), calendar.zone()).toInstant();
                Instant close = ZonedDateTime.of(day, policy.closesAt(), calendar.zone()).toInstant();
                Instant from = start.isAfter(open) ? start : open;
                Instant to = end.isBefore(close) ? end : close;
                if (to.isAfter(from)) {
                    total = total.plus(Duration.between(from, to));
                }
            }
            return total;
        }
    }
}
