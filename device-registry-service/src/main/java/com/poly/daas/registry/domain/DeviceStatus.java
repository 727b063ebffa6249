package com.poly.daas.registry.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a physical device in the registry. Partners move a device into service or retire it; the advance
 * replacement flow (RMA events) moves the original to IN_RETURN and, once received, to POLY_PROPERTY (A2).
 */
public enum DeviceStatus {
    REGISTERED,
    IN_SERVICE,
    /** Replaced by an advance replacement whose defective unit is not expected back (kept for completeness). */
    REPLACED,
    /** An advance replacement shipped (A1); the defective unit must come back (A3). */
    IN_RETURN,
    /** A2: a defective unit returned for replacement becomes Poly's property. Terminal. */
    POLY_PROPERTY,
    /** Taken out of service by the partner. Terminal. */
    RETIRED;

    /** Moves a partner or an agent may make by hand; the RMA moves come only from rma-service's events. */
    public static final Set<DeviceStatus> MANUAL_TARGETS = EnumSet.of(IN_SERVICE, RETIRED);

    public boolean terminal() {
        return this == POLY_PROPERTY || this == RETIRED;
    }

    /** Whether a device in this status may move to {@code target}. */
    public boolean canMoveTo(DeviceStatus target) {
        if (terminal() || target == this) {
            return false;
        }
        return switch (target) {
            case REGISTERED -> false;
            case IN_SERVICE -> this == REGISTERED;
            case REPLACED, IN_RETURN -> this == REGISTERED || this == IN_SERVICE;
            case POLY_PROPERTY -> this != RETIRED;
            case RETIRED -> this == REGISTERED || this == IN_SERVICE || this == REPLACED;
        };
    }
}
