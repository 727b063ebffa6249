package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The carrier delivered the advance replacement (A1). A3 decision: the return clock is re-based on the actual
 * receipt, {@code returnDueOn} = {@code deliveredOn} + 10 business days of the customer's calendar.
 */
public record ReplacementDelivered(String rmaId, String ticketId, String partnerId, String customerId,
                                   String originalSerial, String replacementSerial, LocalDate deliveredOn,
                                   LocalDate returnDueOn, Instant confirmedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
