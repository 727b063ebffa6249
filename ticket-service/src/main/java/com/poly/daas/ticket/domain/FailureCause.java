package com.poly.daas.ticket.domain;

/**
 * What failed, as the RMA will be asked to cover it: a hardware failure, or liquid/drop damage, which only the
 * extended option covers (E2). Causes never covered (E4) are not hardware failures and are not confirmed here.
 */
public enum FailureCause {
    HARDWARE_FAILURE,
    LIQUID_SPILL,
    DROP_DAMAGE
}
