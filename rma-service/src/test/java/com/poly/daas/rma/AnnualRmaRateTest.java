package com.poly.daas.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.rma.domain.AnnualRmaRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** E5: the annual RMA rate against the threshold, as a plain rule. */
class AnnualRmaRateTest {
    static final BigDecimal TWO = new BigDecimal("2");

    @Test
    void E5_exactlyTwoPercentIsNoExcess_justAboveIs() {
        LocalDate asOf = LocalDate.of(2026, 3, 10);
        assertThat(AnnualRmaRate.of(2026, 2, asOf, d -> 100, TWO).exceedsThreshold()).as("2 / 100 = 2 %").isFalse();
        assertThat(AnnualRmaRate.of(2026, 2, asOf, d -> 100, TWO).ratePercent()).isEqualByComparingTo("2.00");
        assertThat(AnnualRmaRate.of(2026, 2, asOf, d -> 99, TWO).exceedsThreshold()).as("2 / 99 = 2.02 %").isTrue();
        assertThat(AnnualRmaRate.of(2026, 3, asOf, d -> 100, TWO).exceedsThreshold()).isTrue();
        assertThat(AnnualRmaRate.of(2026, 0, asOf, d -> 0, TWO).exceedsThreshold()).isFalse();
    }

    @Test
    void E5_theInstalledBaseIsTheAverageOfMonthEndCounts_soABaseGrowingMidYearCountsForPartOfTheYear() {
        // 20 devices from January, 40 more delivered on 15 June: month-ends Jan-May 20, June 60, and 10 July 60
        LocalDate asOf = LocalDate.of(2026, 7, 10);
        var rate = AnnualRmaRate.of(2026, 1, asOf, d -> d.isBefore(LocalDate.of(2026, 6, 15)) ? 20 : 60, TWO);
        assertThat(rate.samples()).hasSize(7);
        assertThat(rate.installedBase()).isEqualByComparingTo("31.4286");
        assertThat(rate.ratePercent()).isEqualByComparingTo("3.18");
        assertThat(rate.exceedsThreshold()).as("1 / 31.43 > 2 %, although 1 / 60 today would not be").isTrue();
    }

    @Test
    void E5_theYearIsTheCalendarYear_aPastYearHasTwelveMonthEnds_aNewYearStartsFromItsFirstDay() {
        assertThat(AnnualRmaRate.sampleDays(2026, LocalDate.of(2027, 2, 1))).hasSize(12)
                .startsWith(LocalDate.of(2026, 1, 31)).endsWith(LocalDate.of(2026, 12, 31));
        assertThat(AnnualRmaRate.sampleDays(2027, LocalDate.of(2027, 1, 1))).containsExactly(LocalDate.of(2027, 1, 1));
        assertThat(AnnualRmaRate.sampleDays(2026, LocalDate.of(2026, 12, 31))).hasSize(12).endsWith(LocalDate.of(2026, 12, 31));
        assertThat(AnnualRmaRate.sampleDays(2026, LocalDate.of(2026, 3, 31))).containsExactly(
                LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
    }
}
