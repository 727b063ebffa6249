package com.poly.daas.contract.domain;

import java.util.List;

/** P3 decision: a term is a whole number of months, one of 12, 24, 36, 48 or 60. */
public final class ContractTerm {
    public static final List<Integer> ALLOWED_MONTHS = List.of(12, 24, 36, 48, 60);

    public static boolean isAllowed(int months) {
        return ALLOWED_MONTHS.contains(months);
    }

    static void require(int months) {
        if (!isAllowed(months)) {
            throw new IllegalArgumentException("term must be one of " + ALLOWED_MONTHS + " months, not " + months);
        }
    }

    private ContractTerm() {
    }
}
