package com.poly.daas.rma.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * E5: a customer's RMA rate for a calendar year = RMAs authorised in the year / installed base under active contract,
 * the installed base being the average of the month-end counts (RULES.md decision). For a year still running, the
 * month-ends are those already passed on {@code asOf} plus {@code asOf} itself for the month in progress (so an RMA in
 * January is measured against the base of its day). The rate exceeds the threshold only strictly above it: exactly
 * 2 % is not an excess. Compared exactly (no rounding): count x 100 x samples > threshold x sum of samples.
 */
public record AnnualRmaRate(int year, int rmasAuthorised, List<Sample> samples, BigDecimal thresholdPercent) {

    /** One month-end (or {@code asOf}) count of devices under active contract. */
    public record Sample(LocalDate day, int devices) {
    }

    /** The days whose counts make the installed base of {@code year} as known on {@code asOf}. */
    public static List<LocalDate> sampleDays(int year, LocalDate asOf) {
        List<LocalDate> days = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            LocalDate monthEnd = YearMonth.of(year, month).atEndOfMonth();
            if (monthEnd.isBefore(asOf)) {
                days.add(monthEnd);
            } else {
                days.add(asOf.getYear() == year ? asOf : monthEnd);
                break;
            }
        }
        return days;
    }

    public static AnnualRmaRate of(int year, int rmasAuthorised, LocalDate asOf, ToIntFunction<LocalDate> devicesOn,
                                   BigDecimal thresholdPercent) {
        List<Sample> samples = sampleDays(year, asOf).stream().map(d -> new Sample(d, devicesOn.applyAsInt(d))).toList();
        return new AnnualRmaRate(year, rmasAuthorised, samples, thresholdPercent);
    }

    /** The average of the month-end counts, to 4 decimals. */
    public BigDecimal installedBase() {
        if (samples.isEmpty()) {
            return BigDecimal.ZERO.setScale(4);
        }
        return BigDecimal.valueOf(sum()).divide(BigDecimal.valueOf(samples.size()), 4, RoundingMode.HALF_UP);
    }

    /** The rate in percent to 2 decimals; null without any installed base. */
    public BigDecimal ratePercent() {
        if (sum() == 0) {
            return null;
        }
        return BigDecimal.valueOf(rmasAuthorised).multiply(BigDecimal.valueOf(100L * samples.size()))
                .divide(BigDecimal.valueOf(sum()), 2, RoundingMode.HALF_UP);
    }

    /** E5: strictly above the threshold. RMAs without any installed base are above it (nothing under contract). */
    public boolean exceedsThreshold() {
        if (rmasAuthorised == 0) {
            return false;
        }
        BigDecimal left = BigDecimal.valueOf(rmasAuthorised).multiply(BigDecimal.valueOf(100L * samples.size()));
        BigDecimal right = thresholdPercent.multiply(BigDecimal.valueOf(sum()));
        return left.compareTo(right) > 0;
    }

    private long sum() {
        return samples.stream().mapToLong(Sample::devices).sum();
    }
}
