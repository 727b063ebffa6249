package com.poly.daas.contract.domain;

/** The coverage chosen at the time of sale (E1); EXTENDED only for voice models (E3). */
public enum CoverageOption {
    STANDARD,
    /** E2: adds liquid and food spills and drop damage. */
    EXTENDED
}
