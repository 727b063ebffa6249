package com.poly.daas.events.billing;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.Money;
import java.time.Instant;

/**
 * The monthly invoice of one contract was issued (B1); at most one per contract and month (B3). {@code number} is the
 * gap-free number partner ERPs book it under (e.g. {@code NA-2027-000123}) and {@code issuingEntity} the Poly entity
 * whose sequence it belongs to (NA or EMEA). Both were added to schema version 1 (additive: a reader of the earlier
 * payload ignores them).
 */
public record InvoiceIssued(String invoiceId, String partnerId, String contractId, String customerId, String month,
                            Money total, int deviceLines, Instant issuedAt, String number, String issuingEntity)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return invoiceId;
    }
}
