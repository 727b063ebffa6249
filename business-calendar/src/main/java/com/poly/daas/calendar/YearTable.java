package com.poly.daas.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * One calendar year of one {@link BusinessCalendar}, precomputed so that the hot path is array look-ups:
 * business days as a sorted array of day offsets, the rank of every day among them, and each business day's
 * window as instants with a running total of business time.
 *
 * <p>Days are numbered by offset from 1 January; business days by rank (0 = the year's first business day).
 * Immutable once built, so safe to share between threads.
 */
final class YearTable {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    final int year;
    final long firstEpochDay;
    /** Number of business days in the year. */
    final int count;
    /** Day offsets of the business days, ascending; {@code count} entries. */
    private final int[] businessOffsets;
    /** For each day offset (and one past the end): the rank of the first business day at or after it. */
    private final int[] rankFrom;
    /** Epoch second at which each business day's window opens, by rank. */
    private final long[] opensAt;
    /** Business nanoseconds before each rank ({@code count + 1} entries); the last one is the year's total. */
    private final long[] elapsedBefore;
    private final BitSet publicHolidays;

    YearTable(int year, CalendarPolicy policy, ZoneId zone, List<PublicHoliday> holidays) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        this.year = year;
        this.firstEpochDay = first.toEpochDay();
        this.publicHolidays = new BitSet(days);
        for (PublicHoliday holiday : holidays) {
            publicHolidays.set(holiday.date().getDayOfYear() - 1);
        }
        int[] offsets = new int[days];
        long[] opens = new long[days];
        long[] elapsed = new long[days + 1];
        this.rankFrom = new int[days + 1];
        int rank = 0;
        for (int offset = 0; offset < days; offset++) {
            rankFrom[offset] = rank;
            LocalDate date = first.plusDays(offset);
            if (isBusinessDay(policy, date, publicHolidays.get(offset))) {
                // ZonedDateTime.of resolves a DST gap or overlap, so a window is its real elapsed time (S1).
                long open = ZonedDateTime.of(date, policy.opensAt(), zone).toEpochSecond();
                long close = ZonedDateTime.of(date, policy.closesAt(), zone).toEpochSecond();
                if (close <= open) {
                    // Cannot happen for opensAt < closesAt: ZonedDateTime keeps later local times later, across gaps and overlaps.
                    throw new IllegalStateException("empty business window on " + date + " in " + zone);
                }
                offsets[rank] = offset;
                opens[rank] = open;
                elapsed[rank + 1] = elapsed[rank] + (close - open) * NANOS_PER_SECOND;
                rank++;
            }
        }
        rankFrom[days] = rank;
        this.count = rank;
        this.businessOffsets = Arrays.copyOf(offsets, rank);
        this.opensAt = Arrays.copyOf(opens, rank);
        this.elapsedBefore = Arrays.copyOf(elapsed, rank + 1);
    }

    private static boolean isBusinessDay(CalendarPolicy policy, LocalDate date, boolean publicHoliday) {
        if (policy.closedDates().contains(date)) {
            return false;
        }
        if (policy.openDates().contains(date)) {
            return true;
        }
        DayOfWeek weekday = date.getDayOfWeek();
        return policy.workingDays().contains(weekday) && !publicHoliday;
    }

    int offsetOf(LocalDate date) {
        return (int) (date.toEpochDay() - firstEpochDay);
    }

    boolean isBusinessDay(int offset) {
        int rank = rankFrom[offset];
        return rank < count && businessOffsets[rank] == offset;
    }

    boolean isPublicHoliday(int offset) {
        return publicHolidays.get(offset);
    }

    /** Rank of the first business day at or after the offset; {@code count} when there is none this year. */
    int rankFrom(int offset) {
        return rankFrom[offset];
    }

    LocalDate businessDay(int rank) {
        return LocalDate.ofEpochDay(firstEpochDay + businessOffsets[rank]);
    }

    /** Business nanoseconds in the whole year. */
    long total() {
        return elapsedBefore[count];
    }

    /**
     * Business nanoseconds from the start of the year to {@code instant}, whose local date is at {@code offset}:
     * a flat line outside business hours, rising one for one inside them.
     */
    long position(Instant instant, int offset) {
        int rank = rankFrom[offset];
        if (rank == count || businessOffsets[rank] != offset) {
            return elapsedBefore[rank];
        }
        long length = elapsedBefore[rank + 1] - elapsedBefore[rank];
        long seconds = instant.getEpochSecond() - opensAt[rank];
        if (seconds < 0) {
            return elapsedBefore[rank];
        }
        if (seconds >= length / NANOS_PER_SECOND) {
            return elapsedBefore[rank + 1];
        }
        return elapsedBefore[rank] + seconds * NANOS_PER_SECOND + instant.getNano();
    }

    /** The earliest instant whose {@link #position} is {@code target}, for {@code 0 < target <= total()}. */
    Instant instantAt(long target) {
        // First rank whose window ends at or after the target: a target on a closing time stays on that day.
        int index = Arrays.binarySearch(elapsedBefore, 1, count + 1, target);
        // Windows have positive length, so the running totals are strictly increasing and the match is unique.
        int rank = (index >= 0 ? index : -index - 1) - 1;
        return Instant.ofEpochSecond(opensAt[rank]).plusNanos(target - elapsedBefore[rank]);
    }

    /** Whether the instant, whose local date is at {@code offset}, lies inside that day's business window. */
    boolean isOpen(Instant instant, int offset) {
        if (!isBusinessDay(offset)) {
            return false;
        }
        int rank = rankFrom[offset];
        long sinceOpen = instant.getEpochSecond() - opensAt[rank];
        long length = elapsedBefore[rank + 1] - elapsedBefore[rank];
        return sinceOpen >= 0 && sinceOpen * NANOS_PER_SECOND + instant.getNano() < length;
    }
}
