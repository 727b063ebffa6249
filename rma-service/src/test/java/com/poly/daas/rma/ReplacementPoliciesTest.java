package com.poly.daas.rma;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.domain.Rejection;
import com.poly.daas.rma.domain.ReplacementPolicies;
import com.poly.daas.rma.domain.ReplacementRequest;
import com.poly.daas.rma.domain.RmaCause;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The advance-replacement decision as plain policies (no Quarkus): each rule's rejection names its id and reason. */
class ReplacementPoliciesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static CoveredDevice device(String option, LocalDate start, LocalDate end) {
        CoveredDevice d = new CoveredDevice();
        d.serial = "SN1";
        d.contractId = "C-1";
        d.option = option;
        d.coverageStart = start;
        d.coverageEnd = end;
        return d;
    }

    static ReplacementRequest request(RmaCause cause, String country, List<CoveredDevice> coverage, String openRma) {
        return new ReplacementRequest("SN1", "P-1", cause, country, TODAY, coverage, Optional.ofNullable(openRma));
    }

    static final List<CoveredDevice> STANDARD = List.of(device("STANDARD", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)));

    @Test
    void aCoveredHardwareFailureWithoutAnOpenRmaIsAllowed() {
        assertThat(ReplacementPolicies.decide(request(RmaCause.HARDWARE_FAILURE, "US", STANDARD, null))).isEmpty();
    }

    @Test
    void eachRuleRejectsWithItsIdReasonAndField_inTheListedOrder() {
        Rejection e4 = ReplacementPolicies.decide(request(RmaCause.THEFT, "JP", List.of(), "R-1")).orElseThrow();
        assertThat(e4.rule()).isEqualTo("E4");
        assertThat(e4.field()).isEqualTo("cause");
        assertThat(ReplacementPolicies.decide(request(RmaCause.HARDWARE_FAILURE, "JP", STANDARD, null)).orElseThrow().rule())
                .isEqualTo("P2");
        Rejection p3 = ReplacementPolicies.decide(request(RmaCause.HARDWARE_FAILURE, "US", List.of(), null)).orElseThrow();
        assertThat(p3.rule()).isEqualTo("P3");
        assertThat(p3.reason()).contains("no coverage of device SN1 is known for partner P-1");
        Rejection notStarted = ReplacementPolicies.decide(request(RmaCause.HARDWARE_FAILURE, "US",
                List.of(device("STANDARD", TODAY.plusDays(1), TODAY.plusYears(3))), null)).orElseThrow();
        assertThat(notStarted.reason()).contains("starts on 2026-12-02");
        Rejection e2 = ReplacementPolicies.decide(request(RmaCause.DROP_DAMAGE, "US", STANDARD, null)).orElseThrow();
        assertThat(e2.rule()).isEqualTo("E2");
        assertThat(e2.reason()).contains("STANDARD");
        Rejection open = ReplacementPolicies.decide(request(RmaCause.HARDWARE_FAILURE, "US", STANDARD, "R-9")).orElseThrow();
        assertThat(open.rule()).isEqualTo("A1");
        assertThat(open.isOpenRma()).isTrue();
        assertThat(open.reason()).contains("R-9");
        assertThat(ReplacementPolicies.ALL).containsExactly(ReplacementPolicies.NEVER_COVERED_CAUSE,
                ReplacementPolicies.SITE_IN_PROGRAMME_REGION, ReplacementPolicies.COVERED_TODAY,
                ReplacementPolicies.ACCIDENT_NEEDS_EXTENDED_OPTION, ReplacementPolicies.ONE_OPEN_RMA_PER_DEVICE);
    }

    @Test
    void E2_theExtendedOptionAllowsLiquidAndDropDamage() {
        var extended = List.of(device("EXTENDED", LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1)));
        assertThat(ReplacementPolicies.decide(request(RmaCause.LIQUID_SPILL, "DE", extended, null))).isEmpty();
    }
}
