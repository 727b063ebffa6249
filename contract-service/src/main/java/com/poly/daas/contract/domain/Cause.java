package com.poly.daas.contract.domain;

import java.util.Arrays;
import java.util.Optional;

/** What happened to a device, as asked in a coverage query. */
public enum Cause {
    /** Covered by both options. */
    HARDWARE_FAILURE(Cover.BOTH),
    /** E2: liquid and food spills, extended option only. */
    LIQUID_SPILL(Cover.EXTENDED_ONLY),
    /** E2: drop damage, extended option only. */
    DROP_DAMAGE(Cover.EXTENDED_ONLY),
    /** E4: never covered. */
    FIRE(Cover.NEVER),
    INTENTIONAL_DAMAGE(Cover.NEVER),
    WEAR_AND_TEAR(Cover.NEVER),
    COSMETIC(Cover.NEVER),
    THEFT(Cover.NEVER),
    LOSS(Cover.NEVER);

    enum Cover { BOTH, EXTENDED_ONLY, NEVER }

    final Cover cover;

    Cause(Cover cover) {
        this.cover = cover;
    }

    public static Optional<Cause> parse(String text) {
        return Arrays.stream(values()).filter(c -> c.name().equals(text)).findFirst();
    }
}
