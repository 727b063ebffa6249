package com.poly.daas.contract.domain;

/** State of one device enrolment. */
public enum CoverageStatus {
    /** P3: enrolled, delivery date not known yet: no period. */
    AWAITING_DELIVERY,
    /** The period is known. */
    COVERED,
    /** Coverage is over (period ended, replaced, contract terminated or expired before delivery). */
    ENDED
}
