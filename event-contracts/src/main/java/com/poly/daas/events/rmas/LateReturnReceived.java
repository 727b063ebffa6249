package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.LocalDate;

/**
 * A defective unit already reported overdue ({@link ReturnOverdue}) reached the service centre after all (A2: Poly
 * property). Billing decides on a credit note under the A4 grace window (default 30 calendar days after
 * {@code overdueOn}).
 */
public record LateReturnReceived(String rmaId, String ticketId, String partnerId, String customerId,
                                 String contractId, String serial, String sku, LocalDate returnDueOn,
                                 LocalDate overdueOn, LocalDate receivedOn) implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
