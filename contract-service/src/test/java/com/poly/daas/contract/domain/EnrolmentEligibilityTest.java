package com.poly.daas.contract.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.contract.domain.EnrolmentEligibility.Refusal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnrolmentEligibilityTest {

    static ModelFact model(boolean voice, boolean eligible, LocalDate endOfSale) {
        ModelFact m = new ModelFact();
        m.sku = "CCX-500";
        m.name = "Poly CCX 500";
        m.voice = voice;
        m.daasEligible = eligible;
        m.endOfSaleAnnouncedOn = endOfSale;
        return m;
    }

    @Test
    void E3_extendedOnlyForVoiceModelsStandardForAll() {
        assertThat(EnrolmentEligibility.check(model(true, true, null), CoverageOption.EXTENDED)).isEmpty();
        assertThat(EnrolmentEligibility.check(model(false, true, null), CoverageOption.STANDARD)).isEmpty();
        assertThat(EnrolmentEligibility.check(model(false, true, null), CoverageOption.EXTENDED)).contains(Refusal.EXTENDED_NEEDS_VOICE);
        assertThat(Refusal.EXTENDED_NEEDS_VOICE.rule).isEqualTo("E3");
    }

    @Test
    void P6_anEndOfSaleAnnouncementRefusesEveryNewEnrolmentWhateverItsEffectiveDate() {
        ModelFact withdrawn = model(true, true, LocalDate.of(2030, 1, 1));
        assertThat(EnrolmentEligibility.check(withdrawn, CoverageOption.STANDARD)).contains(Refusal.END_OF_SALE);
        assertThat(Refusal.END_OF_SALE.rule).isEqualTo("P6");
    }

    @Test
    void unknownAndIneligibleModelsAreRefusedFirst() {
        assertThat(EnrolmentEligibility.check(null, CoverageOption.STANDARD)).contains(Refusal.UNKNOWN_MODEL);
        ModelFact announcedOnly = model(true, true, LocalDate.of(2026, 1, 1));
        announcedOnly.name = null; // an announcement arrived before the model's ModelCatalogued
        assertThat(EnrolmentEligibility.check(announcedOnly, CoverageOption.STANDARD)).contains(Refusal.UNKNOWN_MODEL);
        assertThat(EnrolmentEligibility.check(model(false, false, LocalDate.of(2026, 1, 1)), CoverageOption.EXTENDED))
                .contains(Refusal.NOT_ELIGIBLE);
    }
}
