package com.poly.daas.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * S1: the holiday library against the holiday lists the official sources publish (published-holidays.csv), with
 * every known difference written down in known-deviations.csv rather than edited into the expected data.
 */
class PublishedHolidaysTest {

    record Published(String calendar, LocalDate date, String name) {
    }

    record Deviation(String calendar, LocalDate date, boolean missing, String reason) {
    }

    private static final List<Published> PUBLISHED = read("/published-holidays.csv", 3).stream()
            .map(f -> new Published(f[0], LocalDate.parse(f[1]), f[2])).collect(Collectors.toList());
    private static final List<Deviation> DEVIATIONS = read("/known-deviations.csv", 4).stream()
            .map(f -> new Deviation(f[0], LocalDate.parse(f[1]), kind(f[2]), f[3])).collect(Collectors.toList());

    static Stream<Arguments> calendarYears() {
        return PUBLISHED.stream().map(p -> List.of(p.calendar(), p.date().getYear())).distinct()
                .map(calendarYear -> Arguments.of(calendarYear.toArray()));
    }

    static Stream<Arguments> publishedWeekdayHolidays() {
        return PUBLISHED.stream()
                .filter(p -> p.date().getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue())
                .filter(p -> deviation(p.calendar(), p.date()) == null)
                .map(p -> Arguments.of(p.calendar(), p.date(), p.name()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("calendarYears")
    void S1_publicHolidaysMatchThePublishedListExceptDocumentedDeviations(String calendar, int year) {
        SortedSet<LocalDate> expected = PUBLISHED.stream()
                .filter(p -> p.calendar().equals(calendar) && p.date().getYear() == year)
                .map(Published::date).collect(Collectors.toCollection(TreeSet::new));
        for (Deviation d : DEVIATIONS) {
            if (d.calendar().equals(calendar) && d.date().getYear() == year) {
                if (d.missing()) {
                    expected.remove(d.date());
                } else {
                    expected.add(d.date());
                }
            }
        }
        SortedSet<LocalDate> actual = TestCalendars.calendar(calendar).publicHolidays(year).stream()
                .map(PublicHoliday::date).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual, calendar + " " + year);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("publishedWeekdayHolidays")
    void S1_publishedWeekdayHolidayIsNotABusinessDay(String calendar, LocalDate date, String name) {
        BusinessCalendar businessCalendar = TestCalendars.calendar(calendar);
        assertTrue(businessCalendar.isPublicHoliday(date), name);
        assertFalse(businessCalendar.isBusinessDay(date), name);
    }

    @Test
    void S1_everyDeviationIsConsistentWithThePublishedList() {
        for (Deviation d : DEVIATIONS) {
            boolean published = PUBLISHED.stream().anyMatch(p -> p.calendar().equals(d.calendar()) && p.date().equals(d.date()));
            assertEquals(d.missing(), published, "a MISSING deviation must be published, an EXTRA one must not: " + d);
            assertFalse(d.reason().isBlank(), "every deviation says why: " + d);
        }
    }

    @Test
    void S1_walesHasTheSameBankHolidaysAsEngland() {
        for (int year = 2026; year <= 2027; year++) {
            assertEquals(TestCalendars.calendar("GB-ENG").publicHolidays(year),
                    TestCalendars.calendar("GB-WLS").publicHolidays(year));
        }
    }

    @Test
    void S1_subdivisionAddsItsOwnHolidays() {
        // Columbus Day is a New York State holiday; jollyday keeps it off the national US list (known-deviations.csv).
        LocalDate columbusDay = LocalDate.of(2026, 10, 12);
        assertTrue(TestCalendars.calendar("US").isBusinessDay(columbusDay));
        assertFalse(TestCalendars.calendar("US-NY").isBusinessDay(columbusDay));
        // Epiphany in Bavaria, not nationally.
        LocalDate epiphany = LocalDate.of(2026, 1, 6);
        assertTrue(TestCalendars.calendar("DE").isBusinessDay(epiphany));
        assertFalse(TestCalendars.calendar("DE-BY").isBusinessDay(epiphany));
        // Saint-Jean-Baptiste in Quebec.
        LocalDate saintJeanBaptiste = LocalDate.of(2026, 6, 24);
        assertTrue(TestCalendars.calendar("CA-ON").isBusinessDay(saintJeanBaptiste));
        assertFalse(TestCalendars.calendar("CA-QC").isBusinessDay(saintJeanBaptiste));
    }

    @Test
    void S1_bankHolidaysAndObservancesAreBusinessDays() {
        // jollyday types Ontario's Civic Holiday a bank holiday and Good Friday in the Netherlands an observance.
        assertTrue(TestCalendars.calendar("CA-ON").isBusinessDay(LocalDate.of(2026, 8, 3)));
        assertTrue(TestCalendars.calendar("NL").isBusinessDay(LocalDate.of(2026, 4, 3)));
    }

    @Test
    void S1_newYearObservedInThePreviousYearIsAHolidayOfThatYear() {
        // New Year's Day 2028 is a Saturday: the US federal holiday is Friday 2027-12-31.
        BusinessCalendar us = TestCalendars.calendar("US");
        assertFalse(us.isBusinessDay(LocalDate.of(2027, 12, 31)));
        assertTrue(us.publicHolidays(2028).stream().noneMatch(h -> h.date().getYear() != 2028));
    }

    private static boolean kind(String text) {
        if (!text.equals("MISSING") && !text.equals("EXTRA")) {
            throw new IllegalStateException("deviation kind must be MISSING or EXTRA: " + text);
        }
        return text.equals("MISSING");
    }

    private static Deviation deviation(String calendar, LocalDate date) {
        return DEVIATIONS.stream().filter(d -> d.calendar().equals(calendar) && d.date().equals(date)).findFirst().orElse(null);
    }

    private static List<String[]> read(String resource, int columns) {
        try (var in = Objects.requireNonNull(PublishedHolidaysTest.class.getResourceAsStream(resource), resource);
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.split(",", columns);
                    if (fields.length != columns) {
                        throw new IllegalStateException(resource + ": expected " + columns + " columns: " + line);
                    }
                    rows.add(fields);
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
