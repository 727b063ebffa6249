package com.poly.daas.events.contracts;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/** A contract became active: devices enrolled in it are billed monthly from now on (B1). */
public record ContractActivated(String contractId, String partnerId, String customerId, String customerCountry,
                                int termMonths, String currency, LocalDate activatedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return contractId;
    }
}
