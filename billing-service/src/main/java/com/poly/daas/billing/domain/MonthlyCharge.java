package com.poly.daas.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * B1: one device's charge for one month: its monthly fee, plus the extended-coverage fee where chosen, prorated by
 * day for a partial month (days billed / days in the month), rounded half-up to the currency's minor unit once per
 * line. Billed days are those the device is covered (P3: start inclusive, end exclusive) from the contract's
 * activation on:
 * <ul>
 *   <li>P4: a replacement inherits its original's period but is billed only from the day it shipped (the original's
 *   coverage end), so a device and its replacement are billed once per day of coverage;</li>
 *   <li>a device whose period legitimately runs past the contract's end date (delivered after activation, P3) is
 *   billed to its own end: an <em>expired</em> contract does not stop it;</li>
 *   <li>a <em>terminated</em> contract stops every device on its termination day (docs/decisions.md).</li>
 * </ul>
 *
 * @param from     first billed day
 * @param to       last billed day (inclusive)
 * @param days     days billed
 * @param amount   (monthly fee + extended fee) x days / days in month
 */
public record MonthlyCharge(LocalDate from, LocalDate to, int days, int daysInMonth, BigDecimal monthlyFee,
                            BigDecimal extendedFee, BigDecimal amount) {

    /** The charge of a device that replaces none, empty when it is not billable on any day of the month. */
    public static Optional<MonthlyCharge> of(BillingContract contract, BillableDevice device, YearMonth month,
                                             int fractionDigits) {
        return of(contract, device, null, month, fractionDigits);
    }

    /**
     * @param takeoverFrom P4: for a replacement, the day it shipped (its original's coverage end); null for a device
     *                     that replaces none. A replacement whose original's end is not known yet is not billed (the
     *                     original still is), so no day is billed twice.
     */
    public static Optional<MonthlyCharge> of(BillingContract contract, BillableDevice device, LocalDate takeoverFrom,
                                             YearMonth month, int fractionDigits) {
        if (contract.activatedOn == null || device.coverageStart == null || device.monthlyFee == null) {
            return Optional.empty();
        }
        if (device.replacesSerial != null && takeoverFrom == null) {
            return Optional.empty();
        }
        LocalDate from = Stream.of(month.atDay(1), device.coverageStart, contract.activatedOn, takeoverFrom)
                .filter(Objects::nonNull).max(LocalDate::compareTo).orElseThrow();
        LocalDate until = Stream.of(month.plusMonths(1).atDay(1), device.coverageEnd, device.endedOn, contract.terminatedOn)
                .filter(Objects::nonNull).min(LocalDate::compareTo).orElseThrow();
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
