package com.poly.daas.billing.messaging;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.persistence.BillableDeviceRepository;
import com.poly.daas.billing.persistence.BillingContractRepository;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Money;
import com.poly.daas.events.contracts.ContractActivated;
import com.poly.daas.events.contracts.ContractExpired;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import jakarta.persistence.LockModeType;
import com.poly.daas.billing.domain.IssuingEntity;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the billing replica in step with contract-service's events, once per event (inbox). A contract's events share
 * its key, so they arrive in order; a device event before its contract's activation still creates the contract row
 * (billed only once activated). Poison records go to {@code daas.dlq.billing-service}.
 * <p>
 * Late facts (issue 12): a change of the days a device is billable (a delivery date reported, a coverage end, a
 * termination or activation day) marks the device for re-checking from the first day it changes; the next run
 * re-prices the months already settled from that day and bills the difference as adjustment lines. The contract row
 * is locked first, as the run locks it, so a run and an event of the same contract never interleave.
 */
@ApplicationScoped
public class BillingReplicaConsumer {
    static final String CONSUMER = "billing-service.billing-replica";

    @Inject
    InboundEvents inbound;
    @Inject
    BillingContractRepository contracts;
    @Inject
    BillableDeviceRepository devices;
    @Inject
    Clock clock;

    @Incoming("contracts")
    @Blocking(ordered = true)
    public void onContractEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "ContractActivated" -> {
                var e = EventJson.payload(event, ContractActivated.class);
                BillingContract contract = contract(e.contractId(), e.partnerId());
                contract.customerId = e.customerId();
                contract.customerCountry = e.customerCountry();
                contract.issuingEntity = IssuingEntity.of(e.customerCountry()) == null ? null : IssuingEntity.of(e.customerCountry()).name();
                contract.termMonths = e.termMonths();
                contract.currency = requireCurrency(e.currency());
                if (!Objects.equals(contract.activatedOn, e.activatedOn())) {
                    recheckContract(contract, earliest(contract.activatedOn, e.activatedOn()), "contract activation day reported as " + e.activatedOn());
                }
                contract.activatedOn = e.activatedOn();
                touch(contract);
            }
            case "DeviceEnrolled" -> {
                var e = EventJson.payload(event, DeviceEnrolled.class);
                BillingContract contract = contract(e.contractId(), e.partnerId());
                if (contract.customerId == null) {
                    contract.customerId = e.customerId();
                }
                BillableDevice device = device(contract, e.serial());
                if (!Objects.equals(device.coverageStart, e.coverageStart()) || !Objects.equals(device.coverageEnd, e.coverageEnd())) {
                    LocalDate changed = earliest(device.coverageStart, e.coverageStart(),
                            Objects.equals(device.coverageEnd, e.coverageEnd()) ? null : earliest(device.coverageEnd, e.coverageEnd()));
                    device.recheckFrom(changed, e.replacesSerial() != null ? "replacement enrolled (P4)"
                            : device.coverageStart == null ? "delivery date reported: covered from " + e.coverageStart() + " (P3)"
                            : "coverage period changed to " + e.coverageStart() + ".." + e.coverageEnd() + " (P3)");
                }
                device.replacesSerial = e.replacesSerial();
                device.sku = e.sku();
                device.coverageStart = e.coverageStart();
                device.coverageEnd = e.coverageEnd();
                device.option = e.option();
                device.monthlyFee = e.monthlyFee() == null ? null : e.monthlyFee().amount();
                device.extendedFee = e.extendedCoverageFee() == null ? null : e.extendedCoverageFee().amount();
                device.currency = currency(contract, e.monthlyFee(), e.extendedCoverageFee());
                device.updatedAt = clock.instant();
                touch(contract);
            }
            case "DeviceCoverageEnded" -> {
                var e = EventJson.payload(event, DeviceCoverageEnded.class);
                BillingContract contract = contract(e.contractId(), e.partnerId());
                BillableDevice device = device(contract, e.serial());
                if (!Objects.equals(device.endedOn, e.endedOn())) {
                    LocalDate changed = earliest(device.endedOn, e.endedOn());
                    String why = "coverage ended on " + e.endedOn() + " (" + e.reason() + ")";
                    device.recheckFrom(changed, why);
                    // P4: the replacement of this device takes over from its end
                    devices.replacementsOf(contract.contractId, device.serial).forEach(r -> r.recheckFrom(changed, why));
                }
                device.endedOn = e.endedOn();
                device.endReason = e.reason();
                device.updatedAt = clock.instant();
                touch(contract);
            }
            case "ContractTerminated" -> {
                var e = EventJson.payload(event, ContractTerminated.class);
                BillingContract contract = contract(e.contractId(), e.partnerId());
                if (e.terminatedOn() != null && !e.terminatedOn().equals(contract.terminatedOn)) {
                    recheckContract(contract, earliest(contract.terminatedOn, e.terminatedOn()), "contract terminated on " + e.terminatedOn());
                }
                end(contract, e.terminatedOn(), "TERMINATED: " + e.reason());
                contract.terminatedOn = e.terminatedOn();
            }
            case "ContractExpired" -> {
                var e = EventJson.payload(event, ContractExpired.class);
                end(contract(e.contractId(), e.partnerId()), e.expiredOn(), "EXPIRED");
            }
            default -> {
                // other contract events are not billed
            }
        }
    }

    private void end(BillingContract contract, LocalDate on, String reason) {
        if (on == null) {
            throw new IllegalArgumentException("contract end without a date");
        }
        contract.endedOn = on;
        contract.endReason = reason;
        touch(contract);
    }

    private void recheckContract(BillingContract contract, LocalDate from, String reason) {
        devices.ofContract(contract.contractId).forEach(d -> d.recheckFrom(from, reason));
    }

    private static LocalDate earliest(LocalDate... days) {
        LocalDate min = null;
        for (LocalDate d : days) {
            if (d != null && (min == null || d.isBefore(min))) {
                min = d;
            }
        }
        return min;
    }

    private BillingContract contract(String contractId, String partnerId) {
        if (contractId == null || contractId.isBlank() || partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("contract event without contractId or partnerId");
        }
        // locked first, as an invoice run locks it: a contract's events and its invoicing never interleave
        BillingContract contract = contracts.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        if (contract == null) {
            contract = new BillingContract();
            contract.contractId = contractId;
            contract.partnerId = partnerId;
            contract.updatedAt = clock.instant();
            contracts.persist(contract);
        } else if (!contract.partnerId.equals(partnerId)) {
            throw new IllegalArgumentException("contract " + contractId + " belongs to " + contract.partnerId + ", not " + partnerId);
        }
        return contract;
    }

    private BillableDevice device(BillingContract contract, String serial) {
        if (serial == null || serial.isBlank()) {
            throw new IllegalArgumentException("device event without serial");
        }
        return devices.byContractAndSerial(contract.contractId, serial).orElseGet(() -> {
            BillableDevice device = new BillableDevice();
            device.id = UUID.randomUUID();
            device.contractId = contract.contractId;
            device.partnerId = contract.partnerId;
            device.serial = serial;
            device.updatedAt = clock.instant();
            devices.persist(device);
            return device;
        });
    }

    /** Fees are in the contract's currency; a device priced in another one can never be billed (poison). */
    private static String currency(BillingContract contract, Money monthly, Money extended) {
        String currency = monthly != null ? monthly.currency() : extended != null ? extended.currency() : contract.currency;
        if (extended != null && currency != null && !extended.currency().equals(currency)) {
            throw new IllegalArgumentException("extended fee in " + extended.currency() + " but monthly fee in " + currency);
        }
        if (contract.currency != null && currency != null && !contract.currency.equals(currency)) {
            throw new IllegalArgumentException("device fee in " + currency + " on contract " + contract.contractId
                    + " billed in " + contract.currency);
        }
        return currency == null ? null : requireCurrency(currency);
    }

    private static String requireCurrency(String code) {
        try {
            return java.util.Currency.getInstance(code).getCurrencyCode();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an ISO 4217 currency: " + code);
        }
    }

    private void touch(BillingContract contract) {
        contract.updatedAt = clock.instant();
        contract.eventsApplied++;
    }
}
