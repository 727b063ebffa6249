package com.poly.daas.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * B1: one device's charge for one month: its monthly fee, plus the extended-coverage fee where chosen, prorated by
 * day for a partial month (days billed / days in the month), rounded half-up to the currency's minor unit once per
 * line. Billed days are those the device is covered (P3: start inclusive, end exclusive) while its contract is active.
 *
 * @param from     first billed day
 * @param to       last billed day (inclusive)
 * @param days     days billed
 * @param amount   (monthly fee + extended fee) x days / days in month
 */
public record MonthlyCharge(LocalDate from, LocalDate to, int days, int daysInMonth, BigDecimal monthlyFee,
                            BigDecimal extendedFee, BigDecimal amount) {

    /** The charge of a device in a month, empty when it is not billable on any day of it. */
    public static Optional<MonthlyCharge> of(BillingContract contract, BillableDevice device, YearMonth month,
                                             int fractionDigits) {
        if (contract.activatedOn == null || device.coverageStart == null || device.monthlyFee == null) {
            return Optional.empty();
        }
        LocalDate from = Stream.of(month.atDay(1), device.coverageStart, contract.activatedOn)
                .max(LocalDate::compareTo).orElseThrow();
        LocalDate until = Stream.of(month.plusMonths(1).atDay(1), device.coverageEnd, device.endedOn, contract.endedOn)
                .filter(d -> d != null).min(LocalDate::compareTo).orElseThrow();
        long days = ChronoUnit.DAYS.between(from, until);
        if (days <= 0) {
            return Optional.empty();
        }
        BigDecimal extended = device.extended() && device.extendedFee != null ? device.extendedFee : null;
        BigDecimal monthly = extended == null ? device.monthlyFee : device.monthlyFee.add(extended);
        int daysInMonth = month.lengthOfMonth();
        BigDecimal amount = monthly.multiply(BigDecimal.valueOf(days))
                .divide(BigDecimal.valueOf(daysInMonth), fractionDigits, RoundingMode.HALF_UP);
        return Optional.of(new MonthlyCharge(from, until.minusDays(1), (int) days, daysInMonth, device.monthlyFee,
                extended, amount));
    }
}
