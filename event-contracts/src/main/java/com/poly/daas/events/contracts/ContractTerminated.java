package com.poly.daas.events.contracts;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** A contract was ended before its term, with the reason. */
public record ContractTerminated(String contractId, String partnerId, LocalDate terminatedOn, String reason)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return contractId;
    }
}
