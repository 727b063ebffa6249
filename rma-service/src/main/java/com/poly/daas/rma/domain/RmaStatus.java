package com.poly.daas.rma.domain;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of an advance replacement: AUTHORISED → SHIPPED → DELIVERED → RECEIVED, or OVERDUE before RECEIVED. */
public enum RmaStatus {
    /** A1: covered, cause accepted; ships on its ship date. */
    AUTHORISED,
    /** A1/A3: the replacement left the centre; the defective unit is due back by the provisional return due date. */
    SHIPPED,
    /** A3: the customer received the replacement; the due date is re-based on the receipt. */
    DELIVERED,
    /** A3 → A4: the due date passed in the customer's time zone without the unit; billed at list price (A4). */
    OVERDUE,
    /** A2: the defective unit reached the service centre and is Poly's property. */
    RECEIVED;

    /** Open: the device has an RMA in progress (one per device, database constraint {@code rma_one_open_per_device}). */
    public static final Set<RmaStatus> OPEN = EnumSet.of(AUTHORISED, SHIPPED, DELIVERED, OVERDUE);
    /** A3: the return obligation runs (the overdue scan's candidates). */
    public static final Set<RmaStatus> AWAITING_RETURN = EnumSet.of(SHIPPED, DELIVERED);
}
