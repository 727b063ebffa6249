package com.poly.daas.calendar;

import java.util.Optional;
import java.util.Set;

/**
 * The programme's regions (P2). A business calendar exists only for a country in one of them.
 * Membership is by ISO 3166-1 alpha-2 code; EMEA is Europe, the Middle East and Africa.
 */
public enum Region {
    NORTH_AMERICA(Set.of("US", "CA", "MX")),
    EMEA(Set.of(
            // Europe
            "AD", "AL", "AT", "AX", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES",
            "FI", "FO", "FR", "GB", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI",
            "LT", "LU", "LV", "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU",
            "SE", "SI", "SJ", "SK", "SM", "UA", "VA", "XK",
            // Caucasus
            "AM", "AZ", "GE",
            // Middle East
            "AE", "BH", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "TR", "YE",
            // Africa
            "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EG", "EH",
            "ER", "ET", "GA", "GH", "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG",
            "ML", "MR", "MU", "MW", "MZ", "NA", "NE", "NG", "RE", "RW", "SC", "SD", "SH", "SL", "SN",
            "SO", "SS", "ST", "SZ", "TD", "TG", "TN", "TZ", "UG", "YT", "ZA", "ZM", "ZW"));

    private final Set<String> countries;

    Region(Set<String> countries) {
        this.countries = countries;
    }

    /** The region of an ISO 3166-1 alpha-2 country code, empty when the country is outside the programme (P2). */
    public static Optional<Region> of(String country) {
        String code = CalendarKey.normaliseCountry(country);
        for (Region region : values()) {
            if (region.countries.contains(code)) {
                return Optional.of(region);
            }
        }
        return Optional.empty();
    }

    /** The ISO 3166-1 alpha-2 codes of this region, whether or not a holiday calendar exists for them. */
    public Set<String> countries() {
        return countries;
    }
}
