package com.poly.daas.registry.domain;

/** Lifecycle of a physical device in the registry. */
public enum DeviceStatus {
    REGISTERED,
    IN_SERVICE,
    REPLACED,
    IN_RETURN,
    /** A2: a defective unit returned for replacement becomes Poly's property. */
    POLY_PROPERTY,
    RETIRED
}
