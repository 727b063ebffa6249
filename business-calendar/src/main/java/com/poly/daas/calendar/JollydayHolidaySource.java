package com.poly.daas.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Public holidays from jollyday (S1 decision: a maintained library, not a hand-written list).
 *
 * <p>Only {@link HolidayType#PUBLIC_HOLIDAY} counts: jollyday's bank holidays (e.g. Ontario's Civic Holiday) and
 * observances (e.g. Good Friday in the Netherlands) are not days off that S1 recognises.
 */
final class JollydayHolidaySource implements HolidaySource {

    private final Map<String, HolidayManager> managers = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CalendarHierarchy>> subdivisionsByIso = new ConcurrentHashMap<>();
    private final Set<String> countries = HolidayManager.getSupportedCalendarCodes().stream()
            .filter(code -> code.length() == 2)
            .map(code -> code.toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    private final String description = readDescription();

    @Override
    public Set<String> countries() {
        return countries;
    }

    @Override
    public Map<String, String> subdivisions(String country) {
        Map<String, String> names = new TreeMap<>();
        children(country).forEach((iso, child) -> names.put(iso, child.getDescription(Locale.ENGLISH)));
        return Collections.unmodifiableMap(names);
    }

    @Override
    public List<PublicHoliday> publicHolidays(String country, String subdivision, int year) {
        HolidayManager manager = manager(country);
        String[] path = subdivision == null ? new String[0] : new String[] {jollydayId(country, subdivision)};
        Map<LocalDate, Set<String>> names = new TreeMap<>();
        // A holiday of one year can be observed in the next or previous one: the US observes New Year's Day 2028
        // on Friday 2027-12-31. So read the years around and keep the days off that fall in this one.
        for (int y = year - 1; y <= year + 1; y++) {
            for (Holiday holiday : holidays(manager, y, path)) {
                if (holiday.getDate().getYear() == year) {
                    names.computeIfAbsent(holiday.getDate(), d -> new TreeSet<>()).add(holiday.getDescription(Locale.ENGLISH));
                }
            }
        }
        List<PublicHoliday> result = new ArrayList<>(names.size());
        names.forEach((date, descriptions) -> result.add(new PublicHoliday(date, String.join(" / ", descriptions))));
        return List.copyOf(result);
    }

    @Override
    public String description() {
        return description;
    }

    /** "jollyday 2.19.0", from the Maven metadata in jollyday's jar (its manifest has no implementation version). */
    private static String readDescription() {
        Properties pom = new Properties();
        try (InputStream in = HolidayManager.class.getResourceAsStream(
                "/META-INF/maven/de.focus-shift/jollyday-core/pom.properties")) {
            if (in != null) {
                pom.load(in);
            }
        } catch (IOException e) {
            // The version is only shown in messages: carry on without it.
        }
        String version = pom.getProperty("version");
        return version == null ? "jollyday" : "jollyday " + version;
    }

    private static Set<Holiday> holidays(HolidayManager manager, int year, String[] path) {
        // Only reached while a year table is built, never on the hot path; the lock guards jollyday's own caches.
        synchronized (manager) {
            return manager.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, path);
        }
    }

    private HolidayManager manager(String country) {
        return managers.computeIfAbsent(country,
                code -> HolidayManager.getInstance(ManagerParameters.create(code.toLowerCase(Locale.ROOT))));
    }

    /** Jollyday ids are mostly lower case ("ca") but not always ("75C" for Paris): index them by ISO suffix. */
    private Map<String, CalendarHierarchy> children(String country) {
        return subdivisionsByIso.computeIfAbsent(country, code -> {
            Map<String, CalendarHierarchy> byIso = new TreeMap<>();
            manager(code).getCalendarHierarchy().getChildren().values()
                    .forEach(child -> byIso.put(child.getId().toUpperCase(Locale.ROOT), child));
            return Collections.unmodifiableMap(byIso);
        });
    }

    private String jollydayId(String country, String subdivision) {
        CalendarHierarchy child = children(country).get(subdivision);
        if (child == null) {
            throw new UnsupportedCalendarException("unknown subdivision " + country + "-" + subdivision);
        }
        return child.getId();
    }
}
