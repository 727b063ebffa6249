package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/**
 * The failed unit reached the Poly service centre; it is now Poly's property (A2) and stops the A3 clock.
 * Added compatibly (null in older events): {@code ticketId}, {@code returnDueOn} and {@code late} (received after it).
 */
public record DefectiveUnitReceived(String rmaId, String partnerId, String originalSerial, String sku,
                                    LocalDate receivedOn, String ticketId, LocalDate returnDueOn, Boolean late)
        implements DomainEvent {
    /** The fields of the first publication. */
    public DefectiveUnitReceived(String rmaId, String partnerId, String originalSerial, String sku, LocalDate receivedOn) {
        this(rmaId, partnerId, originalSerial, sku, receivedOn, null, null, null);
    }

    @Override
    public String aggregateId() {
        return rmaId;
    }
}
