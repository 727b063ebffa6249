package com.poly.daas.contract.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * P2: the programme exists only in North America and EMEA. The country table is explicit (no geography library):
 * a country missing here is outside the programme and refused.
 */
public enum Region {
    NORTH_AMERICA,
    EMEA;

    /** North America as sold by the programme: United States, Canada, Mexico. */
    static final Set<String> NORTH_AMERICA_COUNTRIES = Set.of("US", "CA", "MX");

    /** Europe (incl. UK, EFTA, the Balkans, the Caucasus and micro-states). */
    static final Set<String> EUROPE = Set.of(
            "AD", "AL", "AM", "AT", "AX", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FO", "FR", "GB", "GE", "GG", "GI", "GR", "HR", "HU", "IE", "IM", "IS", "IT", "JE", "LI", "LT", "LU", "LV",
            "MC", "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SJ", "SK", "SM", "TR",
            "UA", "VA", "XK");

    /** The Middle East. */
    static final Set<String> MIDDLE_EAST = Set.of(
            "AE", "BH", "EG", "IL", "IQ", "IR", "JO", "KW", "LB", "OM", "PS", "QA", "SA", "SY", "YE");

    /** Africa (all 54 states plus territories). */
    static final Set<String> AFRICA = Set.of(
            "AO", "BF", "BI", "BJ", "BW", "CD", "CF", "CG", "CI", "CM", "CV", "DJ", "DZ", "EH", "ER", "ET", "GA", "GH",
            "GM", "GN", "GQ", "GW", "KE", "KM", "LR", "LS", "LY", "MA", "MG", "ML", "MR", "MU", "MW", "MZ", "NA", "NE",
            "NG", "RE", "RW", "SC", "SD", "SH", "SL", "SN", "SO", "SS", "ST", "SZ", "TD", "TG", "TN", "TZ", "UG", "YT",
            "ZA", "ZM", "ZW");

    private static final Map<String, Region> BY_COUNTRY = Stream.concat(
                    NORTH_AMERICA_COUNTRIES.stream().map(c -> Map.entry(c, NORTH_AMERICA)),
                    Stream.of(EUROPE, MIDDLE_EAST, AFRICA).flatMap(Set::stream).map(c -> Map.entry(c, EMEA)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    /** Whether the code is an assigned ISO-3166 alpha-2 country code (XK, Kosovo, is accepted as user-assigned). */
    public static boolean isIsoCountry(String country) {
        return country != null && (ISO_COUNTRIES.contains(country) || "XK".equals(country));
    }

    /** P2: the region of a country, empty when the country is outside the programme. */
    public static Optional<Region> of(String country) {
        return Optional.ofNullable(country == null ? null : BY_COUNTRY.get(country));
    }

    /**
     * The contract currency of a customer's country. Decision: North America bills US and MX customers in USD and CA
     * customers in CAD; EMEA bills in EUR except GB in GBP.
     */
    public static String currencyOf(String country) {
        Region region = of(country).orElseThrow(() -> new IllegalArgumentException(country + " is outside the programme (P2)"));
        return switch (region) {
            case NORTH_AMERICA -> "CA".equals(country) ? "CAD" : "USD";
            case EMEA -> "GB".equals(country) ? "GBP" : "EUR";
        };
    }
}
