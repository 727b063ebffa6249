package com.poly.daas.rma.domain;

/** Lifecycle of an advance replacement. */
public enum RmaStatus {
    /** A1: covered, cause accepted; ships on its ship date. */
    AUTHORISED,
    /** A1/A3: the replacement left the centre; the defective unit is due back by the return due date. */
    SHIPPED,
    /** A2: the defective unit reached the service centre and is Poly's property. */
    RECEIVED
}
