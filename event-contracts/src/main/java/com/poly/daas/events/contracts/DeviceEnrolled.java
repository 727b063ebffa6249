package com.poly.daas.events.contracts;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.Money;
import java.time.LocalDate;

/**
 * A device is under contract. {@code coverageStart}/{@code coverageEnd} are null until the delivery date is known
 * (P3); a replacement carries its original's period (P4). {@code option} is STANDARD or EXTENDED (E1, E3).
 */
public record DeviceEnrolled(String contractId, String serial, String sku, String partnerId, String customerId,
                             String customerCountry, LocalDate coverageStart, LocalDate coverageEnd, String option,
                             Money monthlyFee, Money extendedCoverageFee, String replacesSerial) implements DomainEvent {
    @Override
    public String aggregateId() {
        return contractId;
    }
}
