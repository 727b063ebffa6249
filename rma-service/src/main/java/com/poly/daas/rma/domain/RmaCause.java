package com.poly.daas.rma.domain;

/** Why a unit is to be replaced, and which coverage could take it (E2, E4). */
public enum RmaCause {
    /** Covered by both options. */
    HARDWARE_FAILURE(Cover.ANY_OPTION),
    /** E2: liquid and food spills, extended option only. */
    LIQUID_SPILL(Cover.EXTENDED_ONLY),
    /** E2: drop damage, extended option only. */
    DROP_DAMAGE(Cover.EXTENDED_ONLY),
    /** E4: never covered, with or without the option. */
    FIRE(Cover.NEVER),
    INTENTIONAL_DAMAGE(Cover.NEVER),
    WEAR_AND_TEAR(Cover.NEVER),
    COSMETIC(Cover.NEVER),
    THEFT(Cover.NEVER),
    LOSS(Cover.NEVER);

    public enum Cover { ANY_OPTION, EXTENDED_ONLY, NEVER }

    private final Cover cover;

    RmaCause(Cover cover) {
        this.cover = cover;
    }

    public Cover cover() {
        return cover;
    }
}
