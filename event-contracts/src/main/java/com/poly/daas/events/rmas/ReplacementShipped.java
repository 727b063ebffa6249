package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The advance replacement left the service centre (A1). Starts the return clock (A3): {@code returnDueOn} is the
 * provisional due date (expected delivery + 10 business days). The replacement inherits the original's period (P4).
 *
 * <p>Added compatibly (optional, null in older events): {@code ticketId}, {@code carrier}, {@code trackingNumber},
 * and {@code customerTimeZone}, the zone of the customer's site in which the shipment's calendar day is taken
 * (P4 decision: the original's coverage ends on {@code shippedAt}'s day there, in every service).
 */
public record ReplacementShipped(String rmaId, String partnerId, String customerId, String contractId,
                                 String originalSerial, String replacementSerial, String sku, Instant shippedAt,
                                 LocalDate expectedDeliveryOn, LocalDate returnDueOn, String ticketId, String carrier,
                                 String trackingNumber, String customerTimeZone) implements DomainEvent {
    /** The fields of the first publication (no ticket, carrier, tracking or zone). */
    public ReplacementShipped(String rmaId, String partnerId, String customerId, String contractId, String originalSerial,
                              String replacementSerial, String sku, Instant shippedAt, LocalDate expectedDeliveryOn,
                              LocalDate returnDueOn) {
        this(rmaId, partnerId, customerId, contractId, originalSerial, replacementSerial, sku, shippedAt,
                expectedDeliveryOn, returnDueOn, null, null, null, null);
    }

    @Override
    public String aggregateId() {
        return rmaId;
    }
}
