package com.poly.daas.rma;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Money;
import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.rma.domain.RegisteredDevice;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Feeds contract-service's events to the service through the real broker, exactly as its outbox writes them. */
final class ContractFeed {
    static final LocalDate START = LocalDate.of(2026, 1, 15);
    static final LocalDate END = LocalDate.of(2029, 1, 15);

    static String serial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String contractEvent(DomainEvent event, UUID id) {
        return EventJson.write(EventJson.envelope(event, id, Instant.now(), "contract-service"));
    }

    static DeviceEnrolled enrolled(String contractId, String partnerId, String serial, String option) {
        return new DeviceEnrolled(contractId, serial, "CCX-500", partnerId, "CU-" + serial, "US", START, END, option,
                Money.of("25.00", "USD"), "EXTENDED".equals(option) ? Money.of("4.00", "USD") : null, null);
    }

    static void send(DomainEvent event) {
        TopicProbe.send(Topics.CONTRACTS, event.aggregateId(), contractEvent(event, UUID.randomUUID()));
    }

    /** Enrols a device (P3 period 2026-01-15 .. 2029-01-15) and waits until the replica knows it. Returns the contract id. */
    static String enrol(String partnerId, String serial, String option) {
        String contractId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        send(enrolled(contractId, partnerId, serial, option));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).queryParam("on", "2026-06-01").get("/coverage/" + serial)
                        .then().statusCode(200).body("contractId", equalTo(contractId)).body("covered", equalTo(true)));
        return contractId;
    }

    /** An agent's request (partners no longer open RMAs through the API). */
    static String rmaJson(String partnerId, String serial, String cause, String country, String zone) {
        return """
                {"partnerId":"%s","serial":"%s","cause":"%s","reason":"agent-opened for a test","shipTo":{"country":"%s","timeZone":"%s"}}"""
                .formatted(partnerId, serial, cause, country, zone);
    }

    /** device-registry-service registers a device (a replacement unit in stock) and the replica knows it. */
    static void register(String serial, String sku) {
        var event = new DeviceRegistered(serial, sku, "P-STOCK", "CU-STOCK", null, null);
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, EventJson.write(EventJson.envelope(event, UUID.randomUUID(),
                Instant.now(), "device-registry-service")));
        var em = io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !em.createQuery("from RegisteredDevice where serial = ?1", RegisteredDevice.class)
                        .setParameter(1, serial).getResultList().isEmpty()));
    }

    /** ticket-service confirms a hardware failure (schema version 2, with the customer's site). */
    static HardwareFailureConfirmed failure(String partnerId, String serial, String cause, String country, String zone) {
        String ticketId = UUID.randomUUID().toString();
        return new HardwareFailureConfirmed(ticketId, partnerId, "CU-" + serial, serial, cause, Instant.now(), country, null,
                zone, null);
    }

    static String ticketEvent(DomainEvent event, UUID id) {
        return EventJson.write(EventJson.envelope(event, id, Instant.now(), "ticket-service"));
    }

    static void sendTicketEvent(DomainEvent event, UUID id) {
        TopicProbe.send(Topics.TICKETS, event.aggregateId(), ticketEvent(event, id));
    }

    private ContractFeed() {
    }
}
