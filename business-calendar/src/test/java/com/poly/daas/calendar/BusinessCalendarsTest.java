package com.poly.daas.calendar;

import static com.poly.daas.calendar.TestCalendars.CALENDARS;
import static com.poly.daas.calendar.TestCalendars.NEW_YORK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** P2 and S1: which calendars exist, how they are keyed, and how they are cached. */
class BusinessCalendarsTest {

    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void P2_supportsNorthAmericaAndTheMainEmeaCountries() {
        Set<String> supported = CALENDARS.supportedCountries();
        for (String country : List.of("US", "CA", "MX", "GB", "IE", "DE", "FR", "NL", "BE", "LU", "ES", "PT", "IT",
                "AT", "CH", "SE", "NO", "DK", "FI", "PL", "CZ", "ZA", "AE", "SA")) {
            assertTrue(supported.contains(country), country);
        }
        assertEquals(Region.NORTH_AMERICA, CALENDARS.supportedCountriesByRegion().get("CA"));
        assertEquals(Region.EMEA, CALENDARS.supportedCountriesByRegion().get("ZA"));
        assertTrue(supported.stream().allMatch(country -> Region.of(country).isPresent()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"JP", "BR", "AU", "CN", "IN", "AR"})
    void P2_countriesOutsideTheRegionsAreRefused(String country) {
        UnsupportedCalendarException e = assertThrows(UnsupportedCalendarException.class,
                () -> CALENDARS.calendar(CalendarKey.of(country, UTC)));
        assertTrue(e.getMessage().contains("outside the programme's regions (P2"), e.getMessage());
        assertTrue(CALENDARS.supportedCountries().stream().noneMatch(country::equals));
    }

    @Test
    void P2_emeaCountryWithoutHolidayDataIsRefusedSayingSo() {
        // jollyday 2.19.0 has no calendar for Israel.
        UnsupportedCalendarException e = assertThrows(UnsupportedCalendarException.class,
                () -> CALENDARS.calendar(CalendarKey.of("IL", ZoneId.of("Asia/Jerusalem"))));
        assertTrue(e.getMessage().contains("IL is in EMEA but jollyday 2."), e.getMessage());
        assertTrue(e.getMessage().contains("has no public holidays for it"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"US, ca, US-CA", "US, US-CA, US-CA", "de, by, DE-BY", "GB, eng, GB-ENG", "CA, QC, CA-QC", "FR, 75c, FR-75C"})
    void S1_subdivisionCodesAreAcceptedInIsoForm(String country, String subdivision, String isoCode) {
        BusinessCalendar calendar = CALENDARS.calendar(CalendarKey.of(country, subdivision, UTC));
        assertEquals(isoCode, calendar.key().isoCode());
        assertSame(calendar, CALENDARS.calendar(CalendarKey.parse(isoCode, UTC)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE-XX", "US-ZZ", "GB-EN", "CA-QB", "NL-NH"})
    void S1_unknownSubdivisionsAreRefusedListingTheKnownOnes(String isoCode) {
        UnsupportedCalendarException e = assertThrows(UnsupportedCalendarException.class,
                () -> CALENDARS.calendar(CalendarKey.parse(isoCode, UTC)));
        assertTrue(e.getMessage().contains("unknown subdivision " + isoCode), e.getMessage());
    }

    @Test
    void S1_subdivisionsAreListedWithIsoCodesAndNames() {
        Map<String, String> us = CALENDARS.subdivisions("us");
        assertEquals("California", us.get("US-CA"));
        assertEquals("Bavaria", CALENDARS.subdivisions("DE").get("DE-BY"));
        assertEquals(Set.of("GB-ENG", "GB-NIR", "GB-SCT", "GB-WLS"), CALENDARS.subdivisions("GB").keySet());
        assertEquals(13, CALENDARS.subdivisions("CA").size());
        assertThrows(UnsupportedCalendarException.class, () -> CALENDARS.subdivisions("JP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"USA", "U", "1A", ""})
    void S1_malformedCountryCodesAreRefused(String country) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CalendarKey.of(country, UTC));
        assertTrue(e.getMessage().contains("ISO 3166-1 alpha-2"), e.getMessage());
    }

    @Test
    void S1_keysAreNormalised() {
        CalendarKey key = CalendarKey.of(" us ", "us-ny", NEW_YORK);
        assertEquals(new CalendarKey("US", "NY", NEW_YORK), key);
        assertEquals("US-NY", key.isoCode());
        assertEquals(CalendarKey.of("US", NEW_YORK), CalendarKey.of("US", "", NEW_YORK));
        assertEquals(CalendarKey.of("US", NEW_YORK), CalendarKey.parse("US", NEW_YORK));
        assertThrows(IllegalArgumentException.class, () -> CalendarKey.of("US", "CALIF", NEW_YORK));
        assertThrows(NullPointerException.class, () -> CalendarKey.of("US", null));
    }

    @Test
    void S1_equalKeysAndPoliciesShareOneCalendar() {
        BusinessCalendar first = CALENDARS.calendar(CalendarKey.of("FR", TestCalendars.PARIS));
        assertSame(first, CALENDARS.calendar(CalendarKey.parse("fr", TestCalendars.PARIS), CalendarPolicy.parse(Map.of())));
        assertTrue(first != CALENDARS.calendar(CalendarKey.of("FR", UTC)));
    }

    @Test
    void S1_holidayLibraryIsNotCalledAgainAfterWarmUp() {
        CountingSource source = new CountingSource(new JollydayHolidaySource());
        BusinessCalendars calendars = new BusinessCalendars(source);
        BusinessCalendar us = calendars.calendar(CalendarKey.of("US", NEW_YORK));
        BusinessCalendar shutdown = calendars.calendar(CalendarKey.of("US", NEW_YORK),
                CalendarPolicy.parse(Map.of("closed-dates", "2026-12-24..2026-12-31")));
        us.addBusinessDays(LocalDate.of(2026, 12, 22), 10);
        shutdown.addBusinessDays(LocalDate.of(2026, 12, 22), 10);
        // Two years, shared by both policies.
        assertEquals(2, source.holidayCalls.get());
        for (int i = 0; i < 10_000; i++) {
            us.addBusinessDays(LocalDate.of(2026, 1, 1).plusDays(i % 700), 10);
            shutdown.businessHoursBetween(Instant.parse("2026-03-01T00:00:00Z").plusSeconds(i * 3_000L),
                    Instant.parse("2026-12-30T00:00:00Z"));
        }
        assertEquals(2, source.holidayCalls.get(), "no call after warm-up");
    }

    @Test
    void S1_concurrentFirstUseGivesTheSameAnswers() throws Exception {
        BusinessCalendars fresh = new BusinessCalendars();
        BusinessCalendar reference = CALENDARS.calendar(CalendarKey.of("DE", "BY", TestCalendars.PARIS));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<LocalDate>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(pool.submit(() -> {
                    BusinessCalendar calendar = fresh.calendar(CalendarKey.of("DE", "BY", TestCalendars.PARIS));
                    List<LocalDate> dues = new ArrayList<>();
                    for (int day = 0; day < 3_000; day += 7) {
                        dues.add(calendar.addBusinessDays(LocalDate.of(2026, 1, 1).plusDays(day), 10));
                    }
                    return dues;
                }));
            }
            List<LocalDate> expected = new ArrayList<>();
            for (int day = 0; day < 3_000; day += 7) {
                expected.add(reference.addBusinessDays(LocalDate.of(2026, 1, 1).plusDays(day), 10));
            }
            for (Future<List<LocalDate>> result : results) {
                assertEquals(expected, result.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void S1_holidaySourceIsNamed() {
        assertTrue(CALENDARS.holidaySource().matches("jollyday \\d+\\.\\d+\\.\\d+"), CALENDARS.holidaySource());
    }

    /** Counts the calls that reach the (slow) holiday library. */
    private static final class CountingSource implements HolidaySource {
        final AtomicInteger holidayCalls = new AtomicInteger();
        private final HolidaySource delegate;

        CountingSource(HolidaySource delegate) {
            this.delegate = delegate;
        }

        @Override
        public Set<String> countries() {
            return delegate.countries();
        }

        @Override
        public Map<String, String> subdivisions(String country) {
            return delegate.subdivisions(country);
        }

        @Override
        public List<PublicHoliday> publicHolidays(String country, String subdivision, int year) {
            holidayCalls.incrementAndGet();
            return delegate.publicHolidays(country, subdivision, year);
        }

        @Override
        public String description() {
            return delegate.description();
        }
    }
}
