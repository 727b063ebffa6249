package com.poly.daas.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.MonthlyCharge;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** B1 proration by day (plain Java, no Quarkus). */
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
}
