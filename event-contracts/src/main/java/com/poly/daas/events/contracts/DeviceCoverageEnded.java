package com.poly.daas.events.contracts;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** A device's coverage ended (period over, replaced, contract terminated). */
public record DeviceCoverageEnded(String contractId, String serial, String partnerId, LocalDate endedOn, String reason)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return contractId;
    }
}
