package com.poly.daas.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Business days and business hours of one place (S1, A1, A3): a country (and subdivision) with its public
 * holidays, a time zone, and a {@link CalendarPolicy}. Obtain one from {@link BusinessCalendars}.
 *
 * <p>Immutable and thread-safe. Each calendar year is precomputed on first use into a {@link YearTable}, so after
 * warm-up no operation calls the holiday library and day arithmetic is a few array look-ups.
 *
 * <p>Business time is real elapsed time inside the daily windows: each window is placed on the time line with
 * {@link ZonedDateTime}, so a DST change (which NA and EMEA zones make at night) leaves an 8-hour window 8 hours.
 */
public final class BusinessCalendar {

    /** A1 decision: an RMA authorised before 15:00 local at the ship-from centre ships the same business day. */
    public static final LocalTime DEFAULT_SHIP_CUT_OFF = LocalTime.of(15, 0);
    /** First and last calendar years a calendar answers for. */
    public static final int FIRST_YEAR = 1970;
    public static final int LAST_YEAR = 2199;

    private final CalendarKey key;
    private final CalendarPolicy policy;
    private final ZoneId zone;
    private final IntFunction<List<PublicHoliday>> holidaysOfYear;
    private final AtomicReferenceArray<YearTable> years = new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);

    BusinessCalendar(CalendarKey key, CalendarPolicy policy, IntFunction<List<PublicHoliday>> holidaysOfYear) {
        this.key = Objects.requireNonNull(key, "key");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.zone = key.zone();
        this.holidaysOfYear = Objects.requireNonNull(holidaysOfYear, "holidaysOfYear");
    }

    public CalendarKey key() {
        return key;
    }

    public CalendarPolicy policy() {
        return policy;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * S1: a working weekday of the policy that is neither a public holiday nor a closed date, or an open date
     * of the policy.
     */
    public boolean isBusinessDay(LocalDate date) {
        YearTable table = table(date.getYear());
        return table.isBusinessDay(table.offsetOf(date));
    }

    /** Whether the date is a public holiday (day off) of the country and subdivision, whatever the policy. */
    public boolean isPublicHoliday(LocalDate date) {
        YearTable table = table(date.getYear());
        return table.isPublicHoliday(table.offsetOf(date));
    }

    /** The public holidays (days off) of a year, sorted by date. */
    public List<PublicHoliday> publicHolidays(int year) {
        checkYear(year);
        return holidaysOfYear.apply(year);
    }

    /** The first business day strictly after {@code date}. Same as {@code addBusinessDays(date, 1)}. */
    public LocalDate nextBusinessDay(LocalDate date) {
        return addBusinessDays(date, 1);
    }

    /**
     * A3: the {@code days}-th business day strictly after {@code date}. The date itself never counts, so a start on
     * a weekend or holiday works: 10 business days after a Saturday receipt is the 10th business day after it.
     * {@code days == 0} gives {@code date} when it is a business day, else the next business day.
     *
     * <p>For {@code n >= 1} and {@code m >= 0}: {@code add(add(d, n), m) == add(d, n + m)}.
     *
     * @throws IllegalArgumentException when {@code days} is negative or the result lies after {@link #LAST_YEAR}
     */
    public LocalDate addBusinessDays(LocalDate date, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("business days to add must not be negative, got " + days);
        }
        YearTable table = table(date.getYear());
        int offset = table.offsetOf(date);
        // Index into the run of business days from the start of this year.
        long index = days == 0 ? table.rankFrom(offset) : (long) table.rankFrom(offset + 1) + days - 1;
        while (index >= table.count) {
            index -= table.count;
            table = table(table.year + 1);
        }
        return table.businessDay((int) index);
    }

    /**
     * A3: business days from {@code from} to {@code to}: how many business days lie in ({@code from}, {@code to}],
     * negative (the business days in ({@code to}, {@code from}]) when {@code to} is before {@code from}. An RMA due
     * on {@code to} has this many business days left on {@code from}; 0 on the due day itself.
     */
    public int businessDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -businessDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * S1: the instant at which {@code amount} of business time has elapsed after {@code start}. Time before
     * opening, after closing or on a non-business day does not count, so a start at 18:00 counts from the next
     * business day's opening. A result that falls exactly on a closing time is that closing time (17:00), not
     * the next opening. A zero amount returns {@code start}.
     *
     * @throws IllegalArgumentException when {@code amount} is negative or the result lies after {@link #LAST_YEAR}
     */
    public Instant addBusinessHours(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must not be negative, got " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        LocalDate startDate = localDate(start);
        YearTable table = table(startDate.getYear());
        long target;
        try {
            target = Math.addExact(table.position(start, table.offsetOf(startDate)), amount.toNanos());
        } catch (ArithmeticException tooLong) {
            throw new IllegalArgumentException("business time to add is too long: " + amount, tooLong);
        }
        while (target > table.total()) {
            target -= table.total();
            table = table(table.year + 1);
        }
        return table.instantAt(target);
    }

    /** {@link #addBusinessHours(Instant, Duration)} with a number of business minutes. */
    public Instant addBusinessMinutes(Instant start, long minutes) {
        return addBusinessHours(start, Duration.ofMinutes(minutes));
    }

    /**
     * S1: business time elapsed between two instants, i.e. the part of {@code [start, end)} inside business
     * windows. Zero when {@code end} is not after {@code start}. Additive: for {@code a <= b <= c},
     * {@code between(a, c) == between(a, b) + between(b, c)}.
     */
    public Duration businessHoursBetween(Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Duration.ZERO;
        }
        LocalDate startDate = localDate(start);
        LocalDate endDate = localDate(end);
        YearTable first = table(startDate.getYear());
        YearTable last = table(endDate.getYear());
        long nanos = last.position(end, last.offsetOf(endDate)) - first.position(start, first.offsetOf(startDate));
        for (int year = first.year; year < last.year; year++) {
            nanos += table(year).total();
        }
        return Duration.ofNanos(nanos);
    }

    /** Whether the instant lies inside a business window: a business day, at or after opening, before closing. */
    public boolean isWithinBusinessHours(Instant instant) {
        LocalDate date = localDate(instant);
        YearTable table = table(date.getYear());
        return table.isOpen(instant, table.offsetOf(date));
    }

    /**
     * A1: the business date on which an advance replacement authorised at {@code authorisedAt} ships, in this
     * (ship-from centre's) calendar: the same day when that is a business day and the local time is before
     * {@code cutOff}, else the next business day. An authorisation exactly at the cut-off ships the next day.
     */
    public LocalDate shipDate(Instant authorisedAt, LocalTime cutOff) {
        Objects.requireNonNull(cutOff, "cutOff");
        ZonedDateTime local = authorisedAt.atZone(zone);
        LocalDate date = local.toLocalDate();
        return isBusinessDay(date) && local.toLocalTime().isBefore(cutOff) ? date : nextBusinessDay(date);
    }

    /** A1 with the default cut-off {@link #DEFAULT_SHIP_CUT_OFF} (15:00). */
    public LocalDate shipDate(Instant authorisedAt) {
        return shipDate(authorisedAt, DEFAULT_SHIP_CUT_OFF);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + key + ", " + policy.opensAt() + "-" + policy.closesAt() + "]";
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private YearTable table(int year) {
        checkYear(year);
        int index = year - FIRST_YEAR;
        YearTable table = years.get(index);
        if (table == null) {
            // Two threads may build the same year at once; both results are equal and the first one is kept.
            years.compareAndSet(index, null, new YearTable(year, policy, zone, holidaysOfYear.apply(year)));
            table = years.get(index);
        }
        return table;
    }

    private static void checkYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "year " + year + " is outside the calendar's range " + FIRST_YEAR + "-" + LAST_YEAR);
        }
    }
}
