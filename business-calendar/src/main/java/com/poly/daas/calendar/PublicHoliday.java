package com.poly.daas.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A public holiday as the holiday library publishes it (S1). {@code date} is the day off: where the law moves
 * a holiday that falls on a weekend (US "observed" days, UK substitute days), it is the moved date.
 */
public record PublicHoliday(LocalDate date, String name) implements Comparable<PublicHoliday> {

    public PublicHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(PublicHoliday other) {
        int byDate = date.compareTo(other.date);
        return byDate != 0 ? byDate : name.compareTo(other.name);
    }
}
