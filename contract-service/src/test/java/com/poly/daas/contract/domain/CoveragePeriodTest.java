package com.poly.daas.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoveragePeriodTest {

    @ParameterizedTest(name = "{0} + {1} months -> end {2} (last day {3})")
    @CsvSource({
            "2026-10-15, 36, 2029-10-15, 2029-10-14",
            // P3 leap years: java.time plusMonths clamps 29 Feb to 28 Feb in a common year
            "2024-02-29, 12, 2025-02-28, 2025-02-27",
            "2024-02-29, 48, 2028-02-29, 2028-02-28",
            "2024-02-29, 60, 2029-02-28, 2029-02-27",
            "2027-02-28, 12, 2028-02-28, 2028-02-27",
            // P3 29th-31st of a month: whole-year terms keep the day of month
            "2026-01-31, 24, 2028-01-31, 2028-01-30",
            "2026-03-31, 12, 2027-03-31, 2027-03-30",
            "2026-12-31, 60, 2031-12-31, 2031-12-30",
            "2026-01-29, 12, 2027-01-29, 2027-01-28",
            "2026-01-30, 36, 2029-01-30, 2029-01-29"})
    void P3_periodStartsAtDeliveryAndEndsExclusiveAfterTheTerm(LocalDate delivered, int term, LocalDate end, LocalDate lastDay) {
        CoveragePeriod period = CoveragePeriod.fromDelivery(delivered, term);
        assertThat(period.start()).isEqualTo(delivered);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period.lastDay()).isEqualTo(lastDay);
        assertThat(period.contains(delivered)).isTrue();
        assertThat(period.contains(lastDay)).isTrue();
        assertThat(period.contains(end)).as("end is exclusive").isFalse();
        assertThat(period.contains(delivered.minusDays(1))).isFalse();
    }

    @Test
    void P3_aLeapDayTwelveMonthPeriodLastsExactlyOneCommonYear() {
        CoveragePeriod period = CoveragePeriod.fromDelivery(LocalDate.of(2024, 2, 29), 12);
        assertThat(ChronoUnit.DAYS.between(period.start(), period.end())).isEqualTo(365);
        CoveragePeriod acrossLeapDay = CoveragePeriod.fromDelivery(LocalDate.of(2027, 3, 1), 12);
        assertThat(ChronoUnit.DAYS.between(acrossLeapDay.start(), acrossLeapDay.end())).isEqualTo(366);
        assertThat(acrossLeapDay.contains(LocalDate.of(2028, 2, 29))).isTrue();
    }

    @Test
    void P3_onlyWholeTermsOfTwelveToSixtyMonths() {
        assertThat(ContractTerm.ALLOWED_MONTHS).containsExactly(12, 24, 36, 48, 60);
        assertThatThrownBy(() -> CoveragePeriod.fromDelivery(LocalDate.of(2026, 1, 1), 18)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CoveragePeriod.fromDelivery(LocalDate.of(2026, 1, 1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CoveragePeriod(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
