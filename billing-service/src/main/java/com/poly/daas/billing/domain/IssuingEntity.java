package com.poly.daas.billing.domain;

import com.poly.daas.calendar.Region;

/**
 * The Poly entity that issues a customer's invoices (B1): one for North America, one for EMEA (P2), each with its own
 * gap-free number sequence per year ({@code NA-2027-000123}) and its own business calendar for the monthly run.
 */
public enum IssuingEntity {
    NA, EMEA;

    /** The entity of a customer's country; null when the country is unknown or outside the programme (P2). */
    public static IssuingEntity of(String country) {
        if (country == null) {
            return null;
        }
        return Region.of(country).map(r -> r == Region.NORTH_AMERICA ? NA : EMEA).orElse(null);
    }

    /** The invoice number {@code n} of {@code year}: entity, year and six digits. */
    public String number(int year, long n) {
        return "%s-%d-%06d".formatted(name(), year, n);
    }
}
