package com.poly.daas.events;

import com.poly.daas.events.billing.InvoiceIssued;
import com.poly.daas.events.contracts.ContractActivated;
import com.poly.daas.events.contracts.ContractExpired;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.events.parties.CustomerChanged;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.events.parties.PartnerCertificationChanged;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.events.registry.DeviceStatusChanged;
import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.events.registry.ModelEndOfSupportAnnounced;
import com.poly.daas.events.registry.ModelPriceChanged;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.ExcessRmaDetected;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReplacementDelivered;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.events.rmas.RmaRefused;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.events.tickets.SlaBreached;
import com.poly.daas.events.tickets.TicketAwaitingPartner;
import com.poly.daas.events.tickets.TicketClosed;
import com.poly.daas.events.tickets.TicketOpened;
import com.poly.daas.events.tickets.TicketPartnerAnswered;
import com.poly.daas.events.tickets.TicketResolved;
import com.poly.daas.events.tickets.TicketTriaged;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalogue of every event in the suite: wire name, topic, aggregate type, payload class and schema version.
 * docs/events.md documents the same list; {@code EventTypeTest} keeps the two in step.
 */
public enum EventType {
    MODEL_CATALOGUED(ModelCatalogued.class, Topics.REGISTRY_MODELS, "Model", 1),
    MODEL_END_OF_SALE_ANNOUNCED(ModelEndOfSaleAnnounced.class, Topics.REGISTRY_MODELS, "Model", 1),
    MODEL_END_OF_SUPPORT_ANNOUNCED(ModelEndOfSupportAnnounced.class, Topics.REGISTRY_MODELS, "Model", 1),
    MODEL_PRICE_CHANGED(ModelPriceChanged.class, Topics.REGISTRY_MODELS, "Model", 1),
    DEVICE_REGISTERED(DeviceRegistered.class, Topics.REGISTRY_DEVICES, "Device", 1),
    DEVICE_DELIVERY_REPORTED(DeviceDeliveryReported.class, Topics.REGISTRY_DEVICES, "Device", 1),
    DEVICE_STATUS_CHANGED(DeviceStatusChanged.class, Topics.REGISTRY_DEVICES, "Device", 1),
    PARTNER_REGISTERED(PartnerRegistered.class, Topics.PARTIES, "Partner", 1),
    PARTNER_CERTIFICATION_CHANGED(PartnerCertificationChanged.class, Topics.PARTIES, "Partner", 1),
    CUSTOMER_CREATED(CustomerCreated.class, Topics.PARTIES, "Customer", 1),
    CUSTOMER_CHANGED(CustomerChanged.class, Topics.PARTIES, "Customer", 1),
    CONTRACT_ACTIVATED(ContractActivated.class, Topics.CONTRACTS, "Contract", 1),
    DEVICE_ENROLLED(DeviceEnrolled.class, Topics.CONTRACTS, "Contract", 1),
    DEVICE_COVERAGE_ENDED(DeviceCoverageEnded.class, Topics.CONTRACTS, "Contract", 1),
    CONTRACT_TERMINATED(ContractTerminated.class, Topics.CONTRACTS, "Contract", 1),
    CONTRACT_EXPIRED(ContractExpired.class, Topics.CONTRACTS, "Contract", 1),
    REPLACEMENT_SHIPPED(ReplacementShipped.class, Topics.RMAS, "Rma", 1),
    DEFECTIVE_UNIT_RECEIVED(DefectiveUnitReceived.class, Topics.RMAS, "Rma", 1),
    RMA_AUTHORISED(RmaAuthorised.class, Topics.RMAS, "Rma", 1),
    RMA_REFUSED(RmaRefused.class, Topics.RMAS, "RmaRequest", 1),
    REPLACEMENT_DELIVERED(ReplacementDelivered.class, Topics.RMAS, "Rma", 1),
    RETURN_OVERDUE(ReturnOverdue.class, Topics.RMAS, "Rma", 1),
    LATE_RETURN_RECEIVED(LateReturnReceived.class, Topics.RMAS, "Rma", 1),
    EXCESS_RMA_DETECTED(ExcessRmaDetected.class, Topics.RMAS, "Rma", 1),
    TICKET_OPENED(TicketOpened.class, Topics.TICKETS, "Ticket", 1),
    /** Version 2 adds the customer's site and the contract (compatible: a version 1 payload reads with them null). */
    HARDWARE_FAILURE_CONFIRMED(HardwareFailureConfirmed.class, Topics.TICKETS, "Ticket", 2),
    TICKET_TRIAGED(TicketTriaged.class, Topics.TICKETS, "Ticket", 1),
    TICKET_AWAITING_PARTNER(TicketAwaitingPartner.class, Topics.TICKETS, "Ticket", 1),
    TICKET_PARTNER_ANSWERED(TicketPartnerAnswered.class, Topics.TICKETS, "Ticket", 1),
    TICKET_RESOLVED(TicketResolved.class, Topics.TICKETS, "Ticket", 1),
    TICKET_CLOSED(TicketClosed.class, Topics.TICKETS, "Ticket", 1),
    SLA_BREACHED(SlaBreached.class, Topics.TICKETS, "Ticket", 1),
    INVOICE_ISSUED(InvoiceIssued.class, Topics.BILLING, "Invoice", 1);

    private static final Map<Class<?>, EventType> BY_CLASS = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));
    private static final Map<String, EventType> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final Class<? extends DomainEvent> payloadClass;
    private final String topic;
    private final String aggregateType;
    private final int schemaVersion;

    EventType(Class<? extends DomainEvent> payloadClass, String topic, String aggregateType, int schemaVersion) {
        this.payloadClass = payloadClass;
        this.topic = topic;
        this.aggregateType = aggregateType;
        this.schemaVersion = schemaVersion;
    }

    /** The name on the wire: the payload's simple class name, e.g. {@code ReplacementShipped}. */
    public String wireName() {
        return payloadClass.getSimpleName();
    }

    public Class<? extends DomainEvent> payloadClass() {
        return payloadClass;
    }

    public String topic() {
        return topic;
    }

    public String aggregateType() {
        return aggregateType;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    public static EventType of(Class<?> payloadClass) {
        EventType type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not registered in EventType");
        }
        return type;
    }

    public static Optional<EventType> byWireName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
