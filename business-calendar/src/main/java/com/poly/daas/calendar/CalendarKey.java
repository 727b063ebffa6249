package com.poly.daas.calendar;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where business time is measured (S1): the customer's (or ship-from centre's, A1) country, optionally one of its
 * subdivisions, and the time zone its clocks are read in.
 *
 * @param country     ISO 3166-1 alpha-2 code, e.g. {@code "US"}; normalised to upper case
 * @param subdivision the part after the dash of an ISO 3166-2 code, e.g. {@code "CA"} for {@code "US-CA"},
 *                    or {@code null} for national holidays only; {@code "US-CA"} and {@code "ca"} are accepted too
 * @param zone        the site's time zone, e.g. {@code America/Los_Angeles}
 */
public record CalendarKey(String country, String subdivision, ZoneId zone) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SUBDIVISION = Pattern.compile("[A-Z0-9]{1,3}");

    public CalendarKey {
        Objects.requireNonNull(zone, "zone");
        country = normaliseCountry(country);
        if (subdivision != null) {
            subdivision = subdivision.strip().toUpperCase(Locale.ROOT);
            if (subdivision.startsWith(country + "-")) {
                subdivision = subdivision.substring(country.length() + 1);
            }
            if (subdivision.isEmpty()) {
                subdivision = null;
            } else if (!SUBDIVISION.matcher(subdivision).matches()) {
                throw new IllegalArgumentException("subdivision must be the 1-3 letters or digits of an ISO 3166-2"
                        + " code such as \"CA\" in \"US-CA\", got \"" + subdivision + "\"");
            }
        }
    }

    /** Upper-cases and checks an ISO 3166-1 alpha-2 code. */
    static String normaliseCountry(String country) {
        Objects.requireNonNull(country, "country");
        String code = country.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "country must be an ISO 3166-1 alpha-2 code such as \"US\", got \"" + country + "\"");
        }
        return code;
    }

    /** National holidays only. */
    public static CalendarKey of(String country, ZoneId zone) {
        return new CalendarKey(country, null, zone);
    }

    public static CalendarKey of(String country, String subdivision, ZoneId zone) {
        return new CalendarKey(country, subdivision, zone);
    }

    /** From an ISO code: {@code "DE"} (national) or {@code "DE-BY"} (ISO 3166-2 subdivision). */
    public static CalendarKey parse(String isoCode, ZoneId zone) {
        Objects.requireNonNull(isoCode, "isoCode");
        String code = isoCode.strip();
        int dash = code.indexOf('-');
        return dash < 0
                ? new CalendarKey(code, null, zone)
                : new CalendarKey(code.substring(0, dash), code.substring(dash + 1), zone);
    }

    /** {@code "US"} or {@code "US-CA"}. */
    public String isoCode() {
        return subdivision == null ? country : country + "-" + subdivision;
    }

    @Override
    public String toString() {
        return isoCode() + "@" + zone.getId();
    }
}
