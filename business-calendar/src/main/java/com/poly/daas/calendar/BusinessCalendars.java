package com.poly.daas.calendar;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supported business calendars and their caches (S1, P2). Create one per application (e.g. an
 * {@code @ApplicationScoped} producer in a service) and keep it: calendars and holiday years are cached in it.
 *
 * <p>A country is supported when it lies in North America or EMEA (P2, see {@link Region}) and the holiday
 * library has data for it; any other country, and any subdivision code the library does not know, is refused
 * with an {@link UnsupportedCalendarException}.
 */
public final class BusinessCalendars {

    private final HolidaySource source;
    private final SortedMap<String, Region> supported;
    private final Map<String, Map<String, String>> subdivisions = new ConcurrentHashMap<>();
    private final Map<HolidayYear, List<PublicHoliday>> holidays = new ConcurrentHashMap<>();
    private final Map<CalendarSpec, BusinessCalendar> calendars = new ConcurrentHashMap<>();

    /** Calendars whose public holidays come from jollyday. */
    public BusinessCalendars() {
        this(new JollydayHolidaySource());
    }

    BusinessCalendars(HolidaySource source) {
        this.source = Objects.requireNonNull(source, "source");
        SortedMap<String, Region> countries = new TreeMap<>();
        for (Region region : Region.values()) {
            for (String country : region.countries()) {
                if (source.countries().contains(country)) {
                    countries.put(country, region);
                }
            }
        }
        this.supported = Collections.unmodifiableSortedMap(countries);
    }

    /** The calendar of a place with the S1 default policy (Monday-Friday 09:00-17:00). */
    public BusinessCalendar calendar(CalendarKey key) {
        return calendar(key, CalendarPolicy.DEFAULT);
    }

    /**
     * The calendar of a place with a tenant's or site's policy. Equal keys and policies give the same instance.
     *
     * @throws UnsupportedCalendarException for a country outside the programme's regions (P2) or without
     *                                      holiday data, or an unknown subdivision
     */
    public BusinessCalendar calendar(CalendarKey key, CalendarPolicy policy) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(policy, "policy");
        BusinessCalendar cached = calendars.get(new CalendarSpec(key, policy));
        if (cached != null) {
            return cached;
        }
        checkSupported(key);
        return calendars.computeIfAbsent(new CalendarSpec(key, policy), spec -> new BusinessCalendar(key, policy,
                year -> holidays.computeIfAbsent(new HolidayYear(key.country(), key.subdivision(), year),
                        h -> source.publicHolidays(h.country(), h.subdivision(), h.year()))));
    }

    /** ISO 3166-1 alpha-2 codes of the supported countries, sorted. */
    public SortedSet<String> supportedCountries() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(supported.keySet()));
    }

    /** Supported countries with their region (P2), sorted by code. */
    public SortedMap<String, Region> supportedCountriesByRegion() {
        return supported;
    }

    /**
     * The subdivisions of a supported country as full ISO 3166-2 codes with their names, e.g.
     * {@code "US-CA" -> "California"}, sorted; empty when the library models none.
     *
     * @throws UnsupportedCalendarException when the country is not supported
     */
    public SortedMap<String, String> subdivisions(String country) {
        String code = CalendarKey.normaliseCountry(country);
        checkCountry(code);
        SortedMap<String, String> result = new TreeMap<>();
        subdivisionsOf(code).forEach((suffix, name) -> result.put(code + "-" + suffix, name));
        return Collections.unmodifiableSortedMap(result);
    }

    /** A short description of the holiday data, e.g. {@code "jollyday 2.19.0"}. */
    public String holidaySource() {
        return source.description();
    }

    private void checkSupported(CalendarKey key) {
        checkCountry(key.country());
        if (key.subdivision() != null && !subdivisionsOf(key.country()).containsKey(key.subdivision())) {
            throw new UnsupportedCalendarException("unknown subdivision " + key.isoCode() + "; known subdivisions of "
                    + key.country() + ": " + subdivisions(key.country()).keySet());
        }
    }

    private void checkCountry(String country) {
        if (supported.containsKey(country)) {
            return;
        }
        if (Region.of(country).isEmpty()) {
            throw new UnsupportedCalendarException("country " + country + " is outside the programme's regions"
                    + " (P2: North America and EMEA only)");
        }
        throw new UnsupportedCalendarException("country " + country + " is in " + Region.of(country).get()
                + " but " + source.description() + " has no public holidays for it; supported: " + supported.keySet());
    }

    private Map<String, String> subdivisionsOf(String country) {
        return subdivisions.computeIfAbsent(country, source::subdivisions);
    }

    private record CalendarSpec(CalendarKey key, CalendarPolicy policy) {
    }

    private record HolidayYear(String country, String subdivision, int year) {
    }
}
