package com.poly.daas.contract.service;

import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.CoverageOption;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.events.Money;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The coverage events, built the one same way wherever a device's coverage changes. */
@ApplicationScoped
public class CoverageEvents {
    @Inject
    Outbox outbox;

    /**
     * DeviceEnrolled with the period as known now. Published again whenever the period becomes known or changes (a
     * delivery reported after enrolment): consumers treat the latest one per contract and serial as the truth.
     */
    public void enrolled(Contract contract, DeviceCoverage device) {
        Money extended = device.option == CoverageOption.EXTENDED ? new Money(contract.extendedFee, contract.currency) : null;
        outbox.publish(new DeviceEnrolled(contract.id.toString(), device.serial, device.sku, device.partnerId,
                device.customerId.toString(), contract.customerCountry, device.coverageStart, device.coverageEnd,
                device.option.name(), new Money(contract.monthlyFee, contract.currency), extended, device.replacesSerial));
    }

    public void ended(DeviceCoverage device) {
        outbox.publish(new DeviceCoverageEnded(device.contractId.toString(), device.serial, device.partnerId, device.endedOn,
                device.endReason.name()));
    }
}
