package com.poly.daas.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.domain.RmaCause;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The coverage rules the RMA decision relies on (plain Java, no Quarkus). */
class CoverageRulesTest {

    @Test
    void E4_exactlyTheSixExcludedCausesAreNeverCovered_E2_liquidAndDropNeedExtended() {
        assertThat(Arrays.stream(RmaCause.values()).filter(c -> c.cover() == RmaCause.Cover.NEVER))
                .containsExactlyInAnyOrder(RmaCause.FIRE, RmaCause.INTENTIONAL_DAMAGE, RmaCause.WEAR_AND_TEAR,
                        RmaCause.COSMETIC, RmaCause.THEFT, RmaCause.LOSS);
        assertThat(Arrays.stream(RmaCause.values()).filter(c -> c.cover() == RmaCause.Cover.EXTENDED_ONLY))
                .containsExactlyInAnyOrder(RmaCause.LIQUID_SPILL, RmaCause.DROP_DAMAGE);
    }

    @Test
    void P3_periodIsStartInclusiveEndExclusiveAndAnEndedCoverageStopsOnItsEndDay() {
        CoveredDevice device = new CoveredDevice();
        assertThat(device.covers(LocalDate.of(2026, 5, 1))).as("no delivery date yet").isFalse();
        device.coverageStart = LocalDate.of(2026, 1, 15);
        device.coverageEnd = LocalDate.of(2029, 1, 15);
        assertThat(device.covers(LocalDate.of(2026, 1, 14))).isFalse();
        assertThat(device.covers(LocalDate.of(2026, 1, 15))).isTrue();
        assertThat(device.covers(LocalDate.of(2029, 1, 14))).isTrue();
        assertThat(device.covers(LocalDate.of(2029, 1, 15))).isFalse();
        device.endedOn = LocalDate.of(2027, 3, 1);
        assertThat(device.covers(LocalDate.of(2027, 2, 28))).isTrue();
        assertThat(device.covers(LocalDate.of(2027, 3, 1))).isFalse();
    }
}
