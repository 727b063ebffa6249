package com.poly.daas.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.MonthlyCharge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** B1 proration by day, P4 replacements, coverage past the contract's end (plain Java, no Quarkus). */
class MonthlyChargeTest {
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static BillingContract contract(LocalDate activatedOn) {
        BillingContract c = new BillingContract();
        c.activatedOn = activatedOn;
        c.currency = "USD";
        return c;
    }

    static BillableDevice device(LocalDate start, String fee, String option, String extendedFee) {
        BillableDevice d = new BillableDevice();
        d.coverageStart = start;
        d.coverageEnd = start == null ? null : start.plusMonths(36);
        d.monthlyFee = new BigDecimal(fee);
        d.option = option;
        d.extendedFee = extendedFee == null ? null : new BigDecimal(extendedFee);
        return d;
    }

    @Test
    void B1_startingOnThe11thOfA31DayMonthBills21Of31Days() {
        var charge = MonthlyCharge.of(contract(LocalDate.of(2026, 9, 1)), device(LocalDate.of(2026, 10, 11), "31.00", "STANDARD", null),
                OCTOBER, 2).orElseThrow();
        assertThat(charge.days()).isEqualTo(21);
        assertThat(charge.daysInMonth()).isEqualTo(31);
        assertThat(charge.from()).isEqualTo(LocalDate.of(2026, 10, 11));
        assertThat(charge.to()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(charge.amount()).isEqualByComparingTo("21.00");
    }

    @Test
    void B1_extendedFeeIsAddedOnlyWithTheExtendedOptionAndRoundedHalfUpOncePerLine() {
        var extended = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 1, 1), "25.00", "EXTENDED", "6.20"),
                OCTOBER, 2).orElseThrow();
        assertThat(extended.amount()).isEqualByComparingTo("31.20");
        var standard = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 1, 1), "25.00", "STANDARD", "6.20"),
                OCTOBER, 2).orElseThrow();
        assertThat(standard.amount()).isEqualByComparingTo("25.00");
        assertThat(standard.extendedFee()).isNull();
        // 10.00 x 1 / 30 = 0.3333 -> 0.33; 20.00 x 1 / 30 = 0.6666 -> 0.67
        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 11, 30), "10.00", "STANDARD", null),
                YearMonth.of(2026, 11), 2).orElseThrow().amount()).isEqualByComparingTo("0.33");
        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 11, 30), "20.00", "STANDARD", null),
                YearMonth.of(2026, 11), 2).orElseThrow().amount()).isEqualByComparingTo("0.67");
    }

    @Test
    void B1_coverageEndActivationAndContractEndBoundTheBilledDays() {
        BillableDevice ended = device(LocalDate.of(2026, 1, 1), "31.00", "STANDARD", null);
        ended.endedOn = LocalDate.of(2026, 10, 25); // first day not covered
        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), ended, OCTOBER, 2).orElseThrow().days()).isEqualTo(24);

        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 10, 21)), device(LocalDate.of(2026, 1, 1), "31.00", "STANDARD", null),
                OCTOBER, 2).orElseThrow().amount()).isEqualByComparingTo("11.00");

        BillingContract terminated = contract(LocalDate.of(2026, 1, 1));
        terminated.endedOn = LocalDate.of(2026, 10, 3);
        terminated.terminatedOn = LocalDate.of(2026, 10, 3);
        assertThat(MonthlyCharge.of(terminated, device(LocalDate.of(2026, 1, 1), "31.00", "STANDARD", null), OCTOBER, 2)
                .orElseThrow().amount()).isEqualByComparingTo("2.00");

        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(null, "31.00", "STANDARD", null), OCTOBER, 2))
                .as("P3: not delivered, not billed").isEmpty();
        assertThat(MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 11, 1), "31.00", "STANDARD", null),
                OCTOBER, 2)).isEmpty();
        assertThat(MonthlyCharge.of(contract(null), device(LocalDate.of(2026, 1, 1), "31.00", "STANDARD", null), OCTOBER, 2))
                .as("B1: only active contracts").isEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}: {1} days from the {2}th bill {3}")
    @org.junit.jupiter.params.provider.CsvSource({
            "2027-02, 28, 15, 14.00",   // 28-day month: 14 of 28 days of 28.00
            "2028-02, 29, 15, 15.00",   // leap February: 15 of 29 days of 29.00
            "2026-11, 30, 16, 15.00",   // 30-day month: 15 of 30 days of 30.00
            "2026-10, 31, 17, 15.00"})  // 31-day month: 15 of 31 days of 31.00
    void B1_prorationDividesByTheDaysOfTheMonthItself(String month, int length, int startDay, String expected) {
        YearMonth m = YearMonth.parse(month);
        var charge = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(m.atDay(startDay), length + ".00", "STANDARD", null),
                m, 2).orElseThrow();
        assertThat(charge.daysInMonth()).isEqualTo(length);
        assertThat(charge.amount()).isEqualByComparingTo(expected);
        var full = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 1, 1), "24.90", "STANDARD", null),
                m, 2).orElseThrow();
        assertThat(full.days()).isEqualTo(length);
        assertThat(full.amount()).as("a full month is the fee itself, whatever its length").isEqualByComparingTo("24.90");
    }

    @Test
    void B1_aDeviceDeliveredOnLeapDayBillsOneOf29Days() {
        var charge = MonthlyCharge.of(contract(LocalDate.of(2028, 1, 1)), device(LocalDate.of(2028, 2, 29), "29.00", "STANDARD", null),
                YearMonth.of(2028, 2), 2).orElseThrow();
        assertThat(charge.days()).isEqualTo(1);
        assertThat(charge.from()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(charge.amount()).isEqualByComparingTo("1.00");
    }

    @Test
    void P4_B1_inTheMonthAReplacementShipsTheOriginalAndTheReplacementTogetherBillEachDayOnce() {
        BillingContract c = contract(LocalDate.of(2026, 1, 1));
        BillableDevice original = device(LocalDate.of(2026, 1, 10), "31.00", "EXTENDED", "6.20");
        original.serial = "ORIG";
        original.endedOn = LocalDate.of(2026, 10, 14); // REPLACED: the replacement shipped on the 14th
        BillableDevice replacement = device(LocalDate.of(2026, 1, 10), "31.00", "EXTENDED", "6.20"); // P4: inherited period
        replacement.serial = "REPL";
        replacement.replacesSerial = "ORIG";

        var before = MonthlyCharge.of(c, original, OCTOBER, 2).orElseThrow();
        var after = MonthlyCharge.of(c, replacement, original.endedOn, OCTOBER, 2).orElseThrow();
        assertThat(before.to()).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(after.from()).as("the replacement takes over on its ship day").isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(before.days() + after.days()).isEqualTo(31);
        assertThat(before.amount().add(after.amount())).as("13/31 + 18/31 of 37.20").isEqualByComparingTo("37.20");
        assertThat(MonthlyCharge.of(c, replacement, OCTOBER, 2))
                .as("a replacement whose original's end is not known yet is not billed: the original still is").isEmpty();
        assertThat(MonthlyCharge.of(c, replacement, original.endedOn, YearMonth.of(2026, 9), 2))
                .as("nothing before the ship month, although the inherited period started in January").isEmpty();
    }

    @Test
    void B1_P3_coverageRunningPastAnExpiredContractsEndIsBilledToItsOwnEnd_aTerminationStopsIt() {
        BillingContract expired = contract(LocalDate.of(2026, 1, 1));
        expired.endedOn = LocalDate.of(2027, 1, 1); // 12-month contract expired
        expired.endReason = "EXPIRED";
        BillableDevice lateDelivery = device(LocalDate.of(2026, 6, 15), "30.00", "STANDARD", null);
        lateDelivery.coverageEnd = LocalDate.of(2027, 6, 15); // its own 12 months (P3)
        assertThat(MonthlyCharge.of(expired, lateDelivery, YearMonth.of(2027, 3), 2).orElseThrow().amount())
                .as("a month after the contract's end").isEqualByComparingTo("30.00");
        var last = MonthlyCharge.of(expired, lateDelivery, YearMonth.of(2027, 6), 2).orElseThrow();
        assertThat(last.to()).isEqualTo(LocalDate.of(2027, 6, 14));
        assertThat(last.amount()).as("14 of 30 days").isEqualByComparingTo("14.00");
        assertThat(MonthlyCharge.of(expired, lateDelivery, YearMonth.of(2027, 7), 2)).isEmpty();

        BillingContract terminated = contract(LocalDate.of(2026, 1, 1));
        terminated.endedOn = LocalDate.of(2026, 11, 11);
        terminated.terminatedOn = LocalDate.of(2026, 11, 11);
        assertThat(MonthlyCharge.of(terminated, lateDelivery, YearMonth.of(2026, 11), 2).orElseThrow().amount())
                .as("decision: billed to the termination day, 10 of 30 days").isEqualByComparingTo("10.00");
        assertThat(MonthlyCharge.of(terminated, lateDelivery, YearMonth.of(2026, 12), 2)).as("nothing after it").isEmpty();
    }

    @Test
    void B1_eachLineIsRoundedHalfUpToTheMinorUnitAndTheTotalIsTheSumOfTheRoundedLines() {
        // 10.00 x 5 / 30 = 1.6666.. -> 1.67 per line; three such lines total 5.01, not round(5.00)
        var line = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 11, 26), "10.00", "STANDARD", null),
                YearMonth.of(2026, 11), 2).orElseThrow();
        assertThat(line.amount()).isEqualByComparingTo("1.67");
        assertThat(line.amount().scale()).isEqualTo(2);
        // 0.125 exactly -> 0.13 (half-up), never banker's 0.12
        var half = MonthlyCharge.of(contract(LocalDate.of(2026, 1, 1)), device(LocalDate.of(2026, 11, 30), "3.75", "STANDARD", null),
                YearMonth.of(2026, 11), 2).orElseThrow();
        assertThat(half.amount()).isEqualByComparingTo("0.13");
    }
}
