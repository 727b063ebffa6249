package com.poly.daas.billing.domain;

/**
 * A penalty charge's life: E5 charges start {@code PENDING} (an agent approves or waives, never billed automatically);
 * A4 charges start {@code APPROVED}; a charge without a list price in force starts {@code UNPRICED} (never charged at
 * zero: an agent prices and approves it, or waives it). Only {@code APPROVED} charges are invoiced ({@code INVOICED});
 * an A4 charge whose unit came back inside the grace window is {@code CREDITED}.
 */
public enum ChargeStatus {
    PENDING, UNPRICED, APPROVED, WAIVED, INVOICED, CREDITED;

    /** Waiting for an agent's decision (the agents' queue). */
    public boolean awaitsDecision() {
        return this == PENDING || this == UNPRICED;
    }
}
