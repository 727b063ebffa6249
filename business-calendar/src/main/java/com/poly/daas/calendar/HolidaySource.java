package com.poly.daas.calendar;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where public holidays come from (S1: a maintained library). Slow: callers cache what it returns. */
interface HolidaySource {

    /** ISO 3166-1 alpha-2 codes (upper case) with holiday data. */
    Set<String> countries();

    /** ISO 3166-2 suffixes (upper case, e.g. {@code "CA"} for {@code "US-CA"}) of a country's subdivisions, with their names. */
    Map<String, String> subdivisions(String country);

    /**
     * Public holidays whose day off falls in {@code year}, sorted, for the country or, when {@code subdivision}
     * is not null, the country plus that subdivision.
     */
    List<PublicHoliday> publicHolidays(String country, String subdivision, int year);

    /** A short description of the data, e.g. the library and its version, for error messages and docs. */
    String description();
}
