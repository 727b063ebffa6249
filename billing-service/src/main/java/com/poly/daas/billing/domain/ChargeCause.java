package com.poly.daas.billing.domain;

/** Why a penalty is charged, with the rules behind it (B2 pricing, B3 once per RMA and cause). */
public enum ChargeCause {
    /** A4: the defective unit was not returned in time; billed at the list price, approved from the start. */
    UNRETURNED_UNIT("A4,B2,B3"),
    /** E5: the RMA took the customer's annual RMA rate above the threshold; pending until an agent decides. */
    EXCESS_RMA("E5,B2,B3");

    private final String rules;

    ChargeCause(String rules) {
        this.rules = rules;
    }

    public String rules() {
        return rules;
    }
}
