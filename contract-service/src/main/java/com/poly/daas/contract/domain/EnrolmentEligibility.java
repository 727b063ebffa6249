package com.poly.daas.contract.domain;

import java.util.Optional;

/**
 * Whether a device of a model may be enrolled now with an option (time of sale). Pure function of the model facts
 * this service knows; the first refusal wins, in this order: unknown model, not DaaS-eligible, end-of-sale announced
 * (P6), extended option on a non-voice model (E3).
 */
public final class EnrolmentEligibility {

    public enum Refusal {
        UNKNOWN_MODEL(null),
        NOT_ELIGIBLE("P3"),
        END_OF_SALE("P6"),
        EXTENDED_NEEDS_VOICE("E3");

        public final String rule;

        Refusal(String rule) {
            this.rule = rule;
        }
    }

    /**
     * @param model the replica's fact, null when the model was never heard of; a fact that only has an announcement
     *              (no ModelCatalogued yet) counts as unknown
     */
    public static Optional<Refusal> check(ModelFact model, CoverageOption option) {
        if (model == null || model.name == null) {
            return Optional.of(Refusal.UNKNOWN_MODEL);
        }
        if (!model.daasEligible) {
            return Optional.of(Refusal.NOT_ELIGIBLE);
        }
        if (model.endOfSaleAnnouncedOn != null) {
            return Optional.of(Refusal.END_OF_SALE);
        }
        if (option == CoverageOption.EXTENDED && !model.voice) {
            return Optional.of(Refusal.EXTENDED_NEEDS_VOICE);
        }
        return Optional.empty();
    }

    private EnrolmentEligibility() {
    }
}
