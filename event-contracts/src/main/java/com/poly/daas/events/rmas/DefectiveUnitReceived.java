package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** The failed unit reached the Poly service centre; it is now Poly's property (A2) and stops the A3 clock. */
public record DefectiveUnitReceived(String rmaId, String partnerId, String originalSerial, String sku,
                                    LocalDate receivedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
