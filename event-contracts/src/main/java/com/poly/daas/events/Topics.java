package com.poly.daas.events;

import java.util.List;

/**
 * Kafka topic names. One topic per producing aggregate family; the record key is the aggregate id so
 * that one aggregate's events stay ordered within a partition. The {@code .v1} suffix changes only
 * on an incompatible envelope change (payload changes are versioned per event, see {@link EventType}).
 */
public final class Topics {
    /** Model catalogue facts and lifecycle announcements (producer: device-registry-service). */
    public static final String REGISTRY_MODELS = "daas.registry.models.v1";
    /** Serial-level facts: registration, delivery date, status (producer: device-registry-service). */
    public static final String REGISTRY_DEVICES = "daas.registry.devices.v1";
    /** Certified partners and their customers: who owns what (producer: contract-service). Key: partner or customer id. */
    public static final String PARTIES = "daas.contracts.parties.v1";
    /** Contracts and device coverage (producer: contract-service). */
    public static final String CONTRACTS = "daas.contracts.v1";
    /** Advance replacements and returns (producer: rma-service). */
    public static final String RMAS = "daas.rmas.v1";
    /** Support tickets (producer: ticket-service). */
    public static final String TICKETS = "daas.tickets.v1";
    /** Invoices and charges (producer: billing-service). */
    public static final String BILLING = "daas.billing.v1";

    /** Dead-letter topic of one consuming service: poison messages land here with the reason in headers. */
    public static String deadLetter(String service) {
        return "daas.dlq." + service;
    }

    public static final List<String> SERVICES = List.of(
            "device-registry-service", "contract-service", "ticket-service", "rma-service", "billing-service");

    /** Every topic the suite uses, dead-letter topics included (for provisioning). */
    public static List<String> all() {
        var topics = new java.util.ArrayList<>(List.of(REGISTRY_MODELS, REGISTRY_DEVICES, PARTIES, CONTRACTS, RMAS, TICKETS, BILLING));
        SERVICES.forEach(s -> topics.add(deadLetter(s)));
        return List.copyOf(topics);
    }

    private Topics() {
    }
}
