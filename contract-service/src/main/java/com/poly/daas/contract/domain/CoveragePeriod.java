package com.poly.daas.contract.domain;

import java.time.LocalDate;
import java.util.Objects;

/**
 * P3: a device's service period. {@code start} is the distributor delivery date (covered); {@code end} is
 * exclusive, the first day no longer covered: {@code start.plusMonths(term)}. java.time clamps to the end of a
 * shorter month, so a device delivered on 29 Feb 2024 with a 12-month term has end 2025-02-28 (last covered day
 * 2025-02-27, exactly 365 days), one delivered on 31 Jan has end 31 Jan of the final year.
 */
public record CoveragePeriod(LocalDate start, LocalDate end) {
    public CoveragePeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("period end " + end + " must be after its start " + start);
        }
    }

    /** P3: the period of a device delivered on {@code deliveredOn} under a term of {@code termMonths}. */
    public static CoveragePeriod fromDelivery(LocalDate deliveredOn, int termMonths) {
        ContractTerm.require(termMonths);
        return new CoveragePeriod(deliveredOn, deliveredOn.plusMonths(termMonths));
    }

    /** Whether the day is covered: start inclusive, end exclusive. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }

    /** The last covered day (inclusive), for people. */
    public LocalDate lastDay() {
        return end.minusDays(1);
    }
}
