package com.poly.daas.events.rmas;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The defective unit did not reach the service centre by {@code returnDueOn} in the customer's time zone (A3): A4
 * bills the unit at the current list price of the customer's region/currency ({@code priceList}, e.g. NA-USD), priced
 * on {@code overdueOn}, the first day it was overdue (B2). Published once per return obligation (B3: one charge).
 */
public record ReturnOverdue(String rmaId, String ticketId, String partnerId, String customerId, String contractId,
                            String serial, String sku, String customerCountry, String region, String currency,
                            String priceList, LocalDate returnDueOn, LocalDate overdueOn, Instant detectedAt)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
