package com.poly.daas.billing.domain;

import java.time.LocalDate;

/**
 * A4 decision: a unit that arrives after its penalty arose is credited only if it arrives within {@code days}
 * calendar days after the charge arose (inclusive); after that the charge stands.
 */
public record GraceWindow(int days) {
    public GraceWindow {
        if (days < 0) {
            throw new IllegalArgumentException("grace window must not be negative");
        }
    }

    public LocalDate lastDay(LocalDate chargeAroseOn) {
        return chargeAroseOn.plusDays(days);
    }

    public boolean covers(LocalDate chargeAroseOn, LocalDate receivedOn) {
        return !receivedOn.isAfter(lastDay(chargeAroseOn));
    }
}
