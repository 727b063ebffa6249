package com.poly.daas.contract.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to "is this device covered on this day for this cause?", with the reason and the rule ids behind it.
 * Pure function of the facts: no clock, no database.
 */
public record CoverageDecision(Verdict decision, Reason reason, List<String> rules) {

    public enum Verdict { COVERED, NOT_COVERED }

    public enum Reason {
        /** The day is in the period and the cause is covered by the option. */
        IN_PERIOD,
        /** E4: fire, intentional damage, wear and tear, cosmetic change, theft, loss. */
        EXCLUDED_CAUSE,
        /** E2: spills and drops need the extended option. */
        EXTENDED_OPTION_REQUIRED,
        /** P1/B1: the contract was never activated. */
        CONTRACT_NOT_ACTIVE,
        /** P3: the delivery date is not known yet, so the period has not started. */
        AWAITING_DELIVERY,
        /** P3: the day is before the delivery date. */
        BEFORE_PERIOD,
        /** P3 (P4 for a replacement): the period is over. */
        PERIOD_ENDED,
        /** P4: the device was replaced; its replacement carries the rest of the period. */
        REPLACED,
        /** The contract was terminated before the day. */
        CONTRACT_TERMINATED,
        /** The contract expired before the device was ever delivered. */
        ENDED
    }

    /**
     * Facts of one enrolment.
     *
     * @param contractActivated whether the contract was ever activated (ACTIVE, EXPIRED or TERMINATED)
     * @param period            null until the delivery date is known (P3)
     * @param endedOn           first day no longer covered when coverage ended early (replaced, terminated), else null
     * @param endReason         why it ended early
     * @param replacement       whether the device is a replacement (P4)
     * @param endOfSupportAnnounced whether Poly announced end-of-support of the model (P5: changes nothing)
     */
    public record Facts(boolean contractActivated, CoveragePeriod period, CoverageOption option, LocalDate endedOn,
                        Reason endReason, boolean replacement, boolean endOfSupportAnnounced) {
    }

    public static CoverageDecision decide(Facts facts, LocalDate day, Cause cause) {
        List<String> rules = new ArrayList<>();
        if (cause.cover == Cause.Cover.NEVER) {
            return no(Reason.EXCLUDED_CAUSE, "E4");
        }
        if (!facts.contractActivated()) {
            return no(Reason.CONTRACT_NOT_ACTIVE, "P1");
        }
        if (facts.period() == null) {
            return facts.endedOn() != null && !day.isBefore(facts.endedOn())
                    ? no(ended(facts), endRule(facts)) : no(Reason.AWAITING_DELIVERY, "P3");
        }
        rules.add("P3");
        if (facts.replacement()) {
            rules.add("P4");
        }
        if (day.isBefore(facts.period().start())) {
            return new CoverageDecision(Verdict.NOT_COVERED, Reason.BEFORE_PERIOD, rules);
        }
        if (!day.isBefore(facts.period().end())) {
            return new CoverageDecision(Verdict.NOT_COVERED, Reason.PERIOD_ENDED, rules);
        }
        if (facts.endedOn() != null && !day.isBefore(facts.endedOn())) {
            return no(ended(facts), endRule(facts));
        }
        if (cause.cover == Cause.Cover.EXTENDED_ONLY) {
            rules.add("E2");
            if (facts.option() != CoverageOption.EXTENDED) {
                return new CoverageDecision(Verdict.NOT_COVERED, Reason.EXTENDED_OPTION_REQUIRED, rules);
            }
        }
        if (facts.endOfSupportAnnounced()) {
            rules.add("P5");
        }
        return new CoverageDecision(Verdict.COVERED, Reason.IN_PERIOD, rules);
    }

    private static Reason ended(Facts facts) {
        return facts.endReason() == null ? Reason.ENDED : facts.endReason();
    }

    private static String endRule(Facts facts) {
        return facts.endReason() == Reason.REPLACED ? "P4" : "P3";
    }

    private static CoverageDecision no(Reason reason, String rule) {
        return new CoverageDecision(Verdict.NOT_COVERED, reason, List.of(rule));
    }
}
