package com.poly.daas.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A tenant's or site's overrides of the S1 working week: business hours, working weekdays, extra closed dates
 * (e.g. a company shutdown 24-31 Dec) and extra open dates. The default is S1's Monday-Friday 09:00-17:00.
 *
 * <p>Services load it from configuration or a database with {@link #parse(Map)} and store it with
 * {@link #toMap()}; {@code parse(p.toMap()).equals(p)} always holds.
 *
 * <p>A date is a business day when it is not a closed date and either is an open date or is a working weekday
 * that is not a public holiday.
 *
 * @param opensAt     start of the daily business window, whole minutes
 * @param closesAt    end of the daily business window (exclusive), whole minutes, after {@code opensAt}
 * @param workingDays the weekdays that are working days when not a holiday; at least one
 * @param closedDates dates that are never business days (company shutdowns)
 * @param openDates   dates that are business days even on a weekend or public holiday; disjoint from closed dates
 */
public record CalendarPolicy(LocalTime opensAt, LocalTime closesAt, Set<DayOfWeek> workingDays,
                             SortedSet<LocalDate> closedDates, SortedSet<LocalDate> openDates) {

    /** Configuration key of the daily window, e.g. {@code 09:00-17:00}. */
    public static final String BUSINESS_HOURS = "business-hours";
    /** Configuration key of the working weekdays, e.g. {@code MON-FRI} or {@code MON,TUE,THU}. */
    public static final String WORKING_DAYS = "working-days";
    /** Configuration key of extra closed dates, e.g. {@code 2026-12-24..2026-12-31, 2027-05-14}. */
    public static final String CLOSED_DATES = "closed-dates";
    /** Configuration key of extra open dates, same syntax as {@link #CLOSED_DATES}. */
    public static final String OPEN_DATES = "open-dates";

    private static final Set<String> KEYS = Set.of(BUSINESS_HOURS, WORKING_DAYS, CLOSED_DATES, OPEN_DATES);
    /** Longest accepted date range: a longer one is almost certainly a typo in a year. */
    private static final int MAX_RANGE_DAYS = 366;

    /** S1: Monday-Friday, 09:00-17:00 local time, no extra closures. */
    public static final CalendarPolicy DEFAULT = new CalendarPolicy(LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new TreeSet<>(), new TreeSet<>());

    public CalendarPolicy {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(workingDays, "workingDays");
        Objects.requireNonNull(closedDates, "closedDates");
        Objects.requireNonNull(openDates, "openDates");
        requireWholeMinutes(opensAt);
        requireWholeMinutes(closesAt);
        if (!opensAt.isBefore(closesAt)) {
            throw new IllegalArgumentException("business hours must open before they close, got "
                    + opensAt + "-" + closesAt + " (windows across midnight are not supported)");
        }
        if (workingDays.isEmpty()) {
            throw new IllegalArgumentException("at least one working weekday is required");
        }
        workingDays = Collections.unmodifiableSet(EnumSet.copyOf(workingDays));
        closedDates = Collections.unmodifiableSortedSet(new TreeSet<>(closedDates));
        openDates = Collections.unmodifiableSortedSet(new TreeSet<>(openDates));
        for (LocalDate date : openDates) {
            if (closedDates.contains(date)) {
                throw new IllegalArgumentException(date + " is both a closed date and an open date");
            }
        }
    }

    /**
     * Reads a policy from plain configuration. Keys (all optional, absent or blank means the S1 default):
     * {@value #BUSINESS_HOURS} ({@code 09:00-17:00}), {@value #WORKING_DAYS} ({@code MON-FRI}, {@code SUN-THU},
     * {@code MON,WED,FRI}), {@value #CLOSED_DATES} and {@value #OPEN_DATES} (comma-separated ISO dates and
     * inclusive ranges {@code 2026-12-24..2026-12-31}).
     *
     * @throws IllegalArgumentException on an unknown key or a value that does not parse or validate
     */
    public static CalendarPolicy parse(Map<String, String> config) {
        Objects.requireNonNull(config, "config");
        for (String key : config.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown calendar policy key \"" + key + "\"; known keys: "
                        + new TreeSet<>(KEYS));
            }
        }
        CalendarPolicy policy = DEFAULT;
        String hours = value(config, BUSINESS_HOURS);
        if (hours != null) {
            String[] parts = hours.split("-", -1);
            if (parts.length != 2) {
                throw new IllegalArgumentException(BUSINESS_HOURS + " must look like 09:00-17:00, got \"" + hours + "\"");
            }
            policy = policy.withBusinessHours(parseTime(parts[0]), parseTime(parts[1]));
        }
        String days = value(config, WORKING_DAYS);
        if (days != null) {
            policy = policy.withWorkingDays(parseWeekdays(days));
        }
        String closed = value(config, CLOSED_DATES);
        if (closed != null) {
            policy = policy.withClosedDates(parseDates(CLOSED_DATES, closed));
        }
        String open = value(config, OPEN_DATES);
        if (open != null) {
            policy = policy.withOpenDates(parseDates(OPEN_DATES, open));
        }
        return policy;
    }

    /** The configuration form read by {@link #parse(Map)}; consecutive dates are written as ranges. */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(BUSINESS_HOURS, opensAt + "-" + closesAt);
        map.put(WORKING_DAYS, workingDays.stream()
                .map(day -> day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT))
                .collect(Collectors.joining(",")));
        map.put(CLOSED_DATES, formatDates(closedDates));
        map.put(OPEN_DATES, formatDates(openDates));
        return Collections.unmodifiableMap(map);
    }

    public CalendarPolicy withBusinessHours(LocalTime opensAt, LocalTime closesAt) {
        return new CalendarPolicy(opensAt, closesAt, workingDays, closedDates, openDates);
    }

    public CalendarPolicy withWorkingDays(Set<DayOfWeek> workingDays) {
        return new CalendarPolicy(opensAt, closesAt, workingDays, closedDates, openDates);
    }

    public CalendarPolicy withClosedDates(Collection<LocalDate> closedDates) {
        return new CalendarPolicy(opensAt, closesAt, workingDays, new TreeSet<>(closedDates), openDates);
    }

    public CalendarPolicy withOpenDates(Collection<LocalDate> openDates) {
        return new CalendarPolicy(opensAt, closesAt, workingDays, closedDates, new TreeSet<>(openDates));
    }

    /** Length of one full business day, as wall-clock time. */
    public Duration businessDayLength() {
        return Duration.between(opensAt, closesAt);
    }

    private static void requireWholeMinutes(LocalTime time) {
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new IllegalArgumentException("business hours must be whole minutes, got " + time);
        }
    }

    private static String value(Map<String, String> config, String key) {
        String value = config.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(BUSINESS_HOURS + ": \"" + text.strip() + "\" is not a time like 09:00", e);
        }
    }

    private static Set<DayOfWeek> parseWeekdays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String[] range = item.split("-", -1);
            if (range.length == 1) {
                days.add(parseWeekday(range[0]));
            } else if (range.length == 2) {
                // A range may wrap past Sunday: SUN-THU is Sunday to Thursday.
                DayOfWeek day = parseWeekday(range[0]);
                DayOfWeek last = parseWeekday(range[1]);
                days.add(day);
                while (day != last) {
                    day = day.plus(1);
                    days.add(day);
                }
            } else {
                throw new IllegalArgumentException(WORKING_DAYS + ": \"" + item.strip() + "\" is not a day or a range like MON-FRI");
            }
        }
        return days;
    }

    private static DayOfWeek parseWeekday(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (name.length() >= 3 && day.name().startsWith(name)) {
                return day;
            }
        }
        throw new IllegalArgumentException(WORKING_DAYS + ": \"" + text.strip() + "\" is not a weekday such as MON or MONDAY");
    }

    private static SortedSet<LocalDate> parseDates(String key, String text) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        for (String item : text.split(",")) {
            String trimmed = item.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int dots = trimmed.indexOf("..");
            LocalDate first = parseDate(key, dots < 0 ? trimmed : trimmed.substring(0, dots));
            LocalDate last = dots < 0 ? first : parseDate(key, trimmed.substring(dots + 2));
            if (last.isBefore(first)) {
                throw new IllegalArgumentException(key + ": range " + trimmed + " ends before it starts");
            }
            if (ChronoUnit.DAYS.between(first, last) >= MAX_RANGE_DAYS) {
                throw new IllegalArgumentException(key + ": range " + trimmed + " is longer than " + MAX_RANGE_DAYS + " days");
            }
            first.datesUntil(last.plusDays(1)).forEach(dates::add);
        }
        return dates;
    }

    private static LocalDate parseDate(String key, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(key + ": \"" + text.strip() + "\" is not an ISO date like 2026-12-24", e);
        }
    }

    private static String formatDates(SortedSet<LocalDate> dates) {
        List<String> items = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (LocalDate date : dates) {
            // Runs are cut at the longest range parse() accepts, so that parse(toMap()) round-trips.
            if (last != null && date.equals(last.plusDays(1)) && ChronoUnit.DAYS.between(first, date) < MAX_RANGE_DAYS) {
                last = date;
                continue;
            }
            if (first != null) {
                items.add(formatRange(first, last));
            }
            first = date;
            last = date;
        }
        if (first != null) {
            items.add(formatRange(first, last));
        }
        return String.join(",", items);
    }

    private static String formatRange(LocalDate first, LocalDate last) {
        return first.equals(last) ? first.toString() : first + ".." + last;
    }
}
