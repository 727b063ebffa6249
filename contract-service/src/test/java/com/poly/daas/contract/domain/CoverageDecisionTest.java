package com.poly.daas.contract.domain;

import static com.poly.daas.contract.domain.CoverageDecision.Reason.AWAITING_DELIVERY;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.BEFORE_PERIOD;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.CONTRACT_NOT_ACTIVE;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.CONTRACT_TERMINATED;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.EXCLUDED_CAUSE;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.EXTENDED_OPTION_REQUIRED;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.IN_PERIOD;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.PERIOD_ENDED;
import static com.poly.daas.contract.domain.CoverageDecision.Reason.REPLACED;
import static com.poly.daas.contract.domain.CoverageDecision.Verdict.COVERED;
import static com.poly.daas.contract.domain.CoverageDecision.Verdict.NOT_COVERED;
import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.contract.domain.CoverageDecision.Facts;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CoverageDecisionTest {
    static final CoveragePeriod PERIOD = CoveragePeriod.fromDelivery(LocalDate.of(2026, 10, 15), 36);
    static final LocalDate IN = LocalDate.of(2027, 6, 1);

    static Facts facts(CoverageOption option) {
        return new Facts(true, PERIOD, option, null, null, false, false);
    }

    @Test
    void P3_hardwareFailureIsCoveredByBothOptionsInsideThePeriod() {
        for (CoverageOption option : CoverageOption.values()) {
            CoverageDecision d = CoverageDecision.decide(facts(option), IN, Cause.HARDWARE_FAILURE);
            assertThat(d.decision()).isEqualTo(COVERED);
            assertThat(d.reason()).isEqualTo(IN_PERIOD);
            assertThat(d.rules()).containsExactly("P3");
        }
    }

    @Test
    void E2_spillsAndDropsNeedTheExtendedOption() {
        for (Cause cause : new Cause[] {Cause.LIQUID_SPILL, Cause.DROP_DAMAGE}) {
            CoverageDecision standard = CoverageDecision.decide(facts(CoverageOption.STANDARD), IN, cause);
            assertThat(standard.decision()).isEqualTo(NOT_COVERED);
            assertThat(standard.reason()).isEqualTo(EXTENDED_OPTION_REQUIRED);
            assertThat(standard.rules()).contains("E2");
            CoverageDecision extended = CoverageDecision.decide(facts(CoverageOption.EXTENDED), IN, cause);
            assertThat(extended.decision()).isEqualTo(COVERED);
            assertThat(extended.rules()).containsExactly("P3", "E2");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Cause.class, names = {"FIRE", "INTENTIONAL_DAMAGE", "WEAR_AND_TEAR", "COSMETIC", "THEFT", "LOSS"})
    void E4_neverCoveredWithOrWithoutTheOption(Cause cause) {
        for (CoverageOption option : CoverageOption.values()) {
            CoverageDecision d = CoverageDecision.decide(facts(option), IN, cause);
            assertThat(d.decision()).isEqualTo(NOT_COVERED);
            assertThat(d.reason()).isEqualTo(EXCLUDED_CAUSE);
            assertThat(d.rules()).containsExactly("E4");
        }
    }

    @Test
    void P3_periodBoundsStartInclusiveEndExclusive() {
        Facts f = facts(CoverageOption.STANDARD);
        assertThat(CoverageDecision.decide(f, PERIOD.start(), Cause.HARDWARE_FAILURE).decision()).isEqualTo(COVERED);
        assertThat(CoverageDecision.decide(f, PERIOD.lastDay(), Cause.HARDWARE_FAILURE).decision()).isEqualTo(COVERED);
        assertThat(CoverageDecision.decide(f, PERIOD.end(), Cause.HARDWARE_FAILURE).reason()).isEqualTo(PERIOD_ENDED);
        assertThat(CoverageDecision.decide(f, PERIOD.start().minusDays(1), Cause.HARDWARE_FAILURE).reason()).isEqualTo(BEFORE_PERIOD);
    }

    @Test
    void P3_noPeriodUntilTheDeliveryDateIsKnown() {
        Facts awaiting = new Facts(true, null, CoverageOption.STANDARD, null, null, false, false);
        CoverageDecision d = CoverageDecision.decide(awaiting, IN, Cause.HARDWARE_FAILURE);
        assertThat(d.reason()).isEqualTo(AWAITING_DELIVERY);
        assertThat(d.rules()).containsExactly("P3");
    }

    @Test
    void P1_aContractNeverActivatedCoversNothing() {
        Facts draft = new Facts(false, PERIOD, CoverageOption.EXTENDED, null, null, false, false);
        assertThat(CoverageDecision.decide(draft, IN, Cause.HARDWARE_FAILURE).reason()).isEqualTo(CONTRACT_NOT_ACTIVE);
    }

    @Test
    void P4_aReplacedOriginalIsNotCoveredFromTheShippingDayAndTheReplacementCarriesP4() {
        LocalDate shipped = LocalDate.of(2027, 3, 2);
        Facts original = new Facts(true, PERIOD, CoverageOption.STANDARD, shipped, REPLACED, false, false);
        assertThat(CoverageDecision.decide(original, shipped.minusDays(1), Cause.HARDWARE_FAILURE).decision()).isEqualTo(COVERED);
        CoverageDecision after = CoverageDecision.decide(original, shipped, Cause.HARDWARE_FAILURE);
        assertThat(after.reason()).isEqualTo(REPLACED);
        assertThat(after.rules()).containsExactly("P4");

        Facts replacement = new Facts(true, PERIOD, CoverageOption.STANDARD, null, null, true, false);
        assertThat(CoverageDecision.decide(replacement, IN, Cause.HARDWARE_FAILURE).rules()).containsExactly("P3", "P4");
        assertThat(CoverageDecision.decide(replacement, PERIOD.end(), Cause.HARDWARE_FAILURE).reason()).isEqualTo(PERIOD_ENDED);
    }

    @Test
    void terminatedContractStopsCoverageOnTheTerminationDay() {
        LocalDate terminated = LocalDate.of(2027, 1, 10);
        Facts f = new Facts(true, PERIOD, CoverageOption.STANDARD, terminated, CONTRACT_TERMINATED, false, false);
        assertThat(CoverageDecision.decide(f, terminated.minusDays(1), Cause.HARDWARE_FAILURE).decision()).isEqualTo(COVERED);
        assertThat(CoverageDecision.decide(f, terminated, Cause.HARDWARE_FAILURE).reason()).isEqualTo(CONTRACT_TERMINATED);
    }

    @Test
    void P5_endOfSupportAnnouncedStillCoveredToTheEndOfThePeriod() {
        Facts f = new Facts(true, PERIOD, CoverageOption.STANDARD, null, null, false, true);
        CoverageDecision d = CoverageDecision.decide(f, PERIOD.lastDay(), Cause.HARDWARE_FAILURE);
        assertThat(d.decision()).isEqualTo(COVERED);
        assertThat(d.rules()).containsExactly("P3", "P5");
    }
}
