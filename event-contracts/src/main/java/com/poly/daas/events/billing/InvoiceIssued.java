package com.poly.daas.events.billing;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.Money;
import java.time.Instant;

/** The monthly invoice of one contract was issued (B1); at most one per contract and month (B3). */
public record InvoiceIssued(String invoiceId, String partnerId, String contractId, String customerId, String month,
                            Money total, int deviceLines, Instant issuedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
