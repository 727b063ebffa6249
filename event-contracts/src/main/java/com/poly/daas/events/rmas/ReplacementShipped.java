package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The advance replacement left the service centre (A1). Starts the return clock (A3): {@code returnDueOn} is the
 * provisional due date (expected delivery + 10 business days). The replacement inherits the original's period (P4).
 */
public record ReplacementShipped(String rmaId, String partnerId, String customerId, String contractId,
                                 String originalSerial, String replacementSerial, String sku, Instant shippedAt,
                                 LocalDate expectedDeliveryOn, LocalDate returnDueOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
