package com.poly.daas.contract.domain;

/** Why a device's coverage ended (DeviceCoverageEnded.reason). */
public enum CoverageEndReason {
    /** P3: the period reached its end. */
    PERIOD_ENDED,
    /** P4: an advance replacement took over the rest of the period. */
    REPLACED,
    /** The contract was terminated. */
    CONTRACT_TERMINATED,
    /** The contract expired while the device had never been delivered. */
    CONTRACT_EXPIRED;

    public CoverageDecision.Reason asDecisionReason() {
        return switch (this) {
            case PERIOD_ENDED -> CoverageDecision.Reason.PERIOD_ENDED;
            case REPLACED -> CoverageDecision.Reason.REPLACED;
            case CONTRACT_TERMINATED -> CoverageDecision.Reason.CONTRACT_TERMINATED;
            case CONTRACT_EXPIRED -> CoverageDecision.Reason.ENDED;
        };
    }
}
