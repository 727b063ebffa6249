package com.poly.daas.events.contracts;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** A contract reached the end of its term. */
public record ContractExpired(String contractId, String partnerId, LocalDate expiredOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return contractId;
    }
}
