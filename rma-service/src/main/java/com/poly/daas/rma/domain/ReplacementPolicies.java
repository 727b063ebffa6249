package com.poly.daas.rma.domain;

import com.poly.daas.calendar.Region;
import java.util.List;
import java.util.Optional;

/**
 * Every rule an advance replacement must pass, each a small named policy, listed together in the order they are
 * checked (the first rejection wins). The same decision serves a ticket's {@code HardwareFailureConfirmed} and an
 * agent's request; the api layer maps a rejection to a problem, the ticket consumer to {@code RmaRefused}.
 */
public final class ReplacementPolicies {

    /** E4: fire, intentional damage, wear and tear, cosmetic change, theft and loss are never covered. */
    public static final ReplacementPolicy NEVER_COVERED_CAUSE = r -> r.cause().cover() != RmaCause.Cover.NEVER
            ? Optional.empty()
            : Optional.of(new Rejection("E4", "cause-never-covered", "Cause never covered",
                    r.cause() + " is never covered, with or without the extended option: fire, intentional damage, "
                            + "normal wear and tear, cosmetic change, theft and loss are excluded (E4).", "cause"));

    /** P2: the service exists only in North America and EMEA. */
    public static final ReplacementPolicy SITE_IN_PROGRAMME_REGION = r -> Region.of(r.siteCountry()).isPresent()
            ? Optional.empty()
            : Optional.of(new Rejection("P2", "outside-programme-regions", "Site outside the programme's regions",
                    "The customer's site in " + r.siteCountry() + " is outside North America and EMEA (P2).", "shipTo.country"));

    /** P3 (P5, P6 keep granted coverage): the partner's device is covered today, per the coverage replica. */
    public static final ReplacementPolicy COVERED_TODAY = r -> r.coveringToday().isPresent()
            ? Optional.empty()
            : Optional.of(new Rejection("P3", "device-not-covered", "Device not covered",
                    "Device " + r.serial() + " is not covered on " + r.today() + ": " + whyNotCovered(r) + ".", "serial"));

    /** E2: liquid and food spills and drop damage are covered only with the extended option. */
    public static final ReplacementPolicy ACCIDENT_NEEDS_EXTENDED_OPTION = r -> {
        if (r.cause().cover() != RmaCause.Cover.EXTENDED_ONLY) {
            return Optional.empty();
        }
        CoveredDevice device = r.coveringToday().orElseThrow();
        return device.extended() ? Optional.empty()
                : Optional.of(new Rejection("E2", "cause-needs-extended-option", "Cause needs the extended coverage option",
                        r.cause() + " is covered only with the extended option (E2); device " + device.serial + " has the "
                                + device.option + " option under contract " + device.contractId + ".", "cause"));
    };

    /** A1 decision: one advance replacement at a time per device; a second request names the open RMA. */
    public static final ReplacementPolicy ONE_OPEN_RMA_PER_DEVICE = r -> r.openRmaId()
            .map(open -> new Rejection("A1", "open-rma-exists", "Device already has an open RMA",
                    "Device " + r.serial() + " already has the open RMA " + open + "; one advance replacement at a time per "
                            + "device (A1).", "serial", open));

    /** All current policies, in the order they are checked. */
    public static final List<ReplacementPolicy> ALL = List.of(NEVER_COVERED_CAUSE, SITE_IN_PROGRAMME_REGION,
            COVERED_TODAY, ACCIDENT_NEEDS_EXTENDED_OPTION, ONE_OPEN_RMA_PER_DEVICE);

    /** The first rejection of the listed policies, or empty when the replacement is allowed. */
    public static Optional<Rejection> decide(ReplacementRequest request) {
        for (ReplacementPolicy policy : ALL) {
            Optional<Rejection> rejection = policy.check(request);
            if (rejection.isPresent()) {
                return rejection;
            }
        }
        return Optional.empty();
    }

    private static String whyNotCovered(ReplacementRequest r) {
        if (r.coverage().isEmpty()) {
            return "no coverage of device " + r.serial() + " is known for partner " + r.partnerId();
        }
        CoveredDevice latest = r.coverage().get(0);
        if (latest.coverageStart == null) {
            return "its delivery date is not reported yet, so its service period has not started";
        }
        if (r.today().isBefore(latest.coverageStart)) {
            return "its service period starts on " + latest.coverageStart;
        }
        if (latest.endedOn != null && !r.today().isBefore(latest.endedOn)) {
            return "its coverage ended on " + latest.endedOn + " (" + latest.endReason + ")";
        }
        return "its service period ended on " + latest.coverageEnd;
    }

    private ReplacementPolicies() {
    }
}
