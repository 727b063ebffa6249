package com.poly.daas.contract.domain;

import java.util.Set;

/** Contract lifecycle: DRAFT -> ACTIVE -> EXPIRED | TERMINATED. Nothing leaves EXPIRED or TERMINATED. */
public enum ContractStatus {
    DRAFT,
    ACTIVE,
    EXPIRED,
    TERMINATED;

    public boolean canBecome(ContractStatus next) {
        return switch (this) {
            case DRAFT -> next == ACTIVE;
            case ACTIVE -> next == EXPIRED || next == TERMINATED;
            case EXPIRED, TERMINATED -> false;
        };
    }

    /** Devices may be enrolled (time of sale, E1) while the contract is being sold or running. */
    public boolean acceptsEnrolments() {
        return Set.of(DRAFT, ACTIVE).contains(this);
    }
}
