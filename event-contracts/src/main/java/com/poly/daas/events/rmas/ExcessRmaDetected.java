package com.poly.daas.events.rmas;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.poly.daas.events.DomainEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * E5: this authorised RMA took the customer's RMA rate for {@code year} above the threshold. Rate = RMAs authorised in
 * the calendar year / installed base under active contract (average of the month-end counts of the year so far),
 * {@code ratePercent} and {@code thresholdPercent} in percent, decimals as strings (e.g. "2.50" and "2.00"). Published once per RMA.
 * Billing raises a pending charge that an agent approves or waives, priced at the list price of {@code priceList}
 * (the customer's region currency) in force on {@code authorisedOn} (B2).
 */
public record ExcessRmaDetected(String rmaId, String partnerId, String customerId, String contractId, String serial,
                                String sku, int year, int rmasAuthorised,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal installedBase,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ratePercent,
                                @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal thresholdPercent, String region, String currency,
                                String priceList, LocalDate authorisedOn, Instant detectedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return rmaId;
    }
}
