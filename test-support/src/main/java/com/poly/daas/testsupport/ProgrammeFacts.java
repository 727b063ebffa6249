package com.poly.daas.testsupport;

import static org.awaitility.Awaitility.await;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.parties.CustomerChanged;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.events.parties.PartnerCertificationChanged;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.platform.parties.PartyDirectory;
import io.quarkus.arc.Arc;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The partner and customer facts a service under test learns from contract-service: published as contract-service's
 * outbox would publish them, on the real broker, and awaited until the service's own replica has applied them
 * (issue 9). Services other than contract-service use it to make their test partners and customers known.
 */
public final class ProgrammeFacts {
    private static final Duration APPLIED = Duration.ofSeconds(30);
    private static final String PRODUCER = "contract-service";

    /** A partner certified from 2000 to 2099 (so tests that move the clock stay inside its certification). */
    public static String partner(String partnerId) {
        return partner(partnerId, "ACTIVE");
    }

    public static String partner(String partnerId, String certificationStatus) {
        publish(new PartnerRegistered(partnerId, "Partner " + partnerId, certificationStatus, LocalDate.of(2000, 1, 1),
                LocalDate.of(2099, 12, 31), Instant.now()));
        await().atMost(APPLIED).until(() -> directory().partner(partnerId)
                .filter(p -> p.certificationStatus().equals(certificationStatus)).isPresent());
        return partnerId;
    }

    private static final java.util.Map<String, String> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Makes a partner known once per test JVM (tests that use fixed partner ids such as {@code P-A} call it before
     * acting as that partner); returns the id.
     */
    public static String known(String partnerId) {
        KNOWN.computeIfAbsent("partner " + partnerId, k -> partner(partnerId));
        return partnerId;
    }

    /**
     * Makes a customer with a given id known as the partner's, once per test JVM (and the partner with it). A customer
     * belongs to one partner: using one id for two partners is a fixture error and fails.
     */
    public static String knownCustomer(String partnerId, String customerId) {
        known(partnerId);
        String owner = KNOWN.computeIfAbsent("customer " + customerId, k -> {
            publish(new CustomerCreated(customerId, partnerId, "US", "US-NY", "America/New_York", "NORTH_AMERICA", "USD",
                    Instant.now()));
            await().atMost(APPLIED).until(() -> directory().customer(customerId).isPresent());
            return partnerId;
        });
        if (!owner.equals(partnerId)) {
            throw new IllegalStateException("fixture error: customer " + customerId + " belongs to " + owner + ", not " + partnerId);
        }
        return customerId;
    }

    /** A partner with a random id, known to the service. */
    public static String newPartner() {
        return partner("P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase());
    }

    /** Changes a known partner's certification (e.g. SUSPENDED) and waits until the service sees it. */
    public static void certification(String partnerId, String status) {
        publish(new PartnerCertificationChanged(partnerId, status, LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31),
                Instant.now()));
        await().atMost(APPLIED).until(() -> directory().partner(partnerId)
                .filter(p -> p.certificationStatus().equals(status)).isPresent());
    }

    /** A customer of the partner at a site in New York (US-NY, America/New_York); returns its id. */
    public static String customer(String partnerId) {
        return customer(partnerId, "US", "US-NY", "America/New_York");
    }

    /** A customer of the partner at the given site; region and currency follow the country (P2). */
    public static String customer(String partnerId, String country, String subdivision, String timeZone) {
        String id = UUID.randomUUID().toString();
        publish(new CustomerCreated(id, partnerId, country, subdivision, timeZone, region(country), currency(country),
                Instant.now()));
        await().atMost(APPLIED).until(() -> directory().customer(id).isPresent());
        return id;
    }

    /** The customer's site moved. */
    public static void customerMoved(String customerId, String partnerId, String country, String subdivision, String timeZone) {
        publish(new CustomerChanged(customerId, partnerId, country, subdivision, timeZone, region(country),
                currency(country), Instant.now()));
        await().atMost(APPLIED).until(() -> directory().customer(customerId)
                .filter(c -> c.timeZone().equals(timeZone)).isPresent());
    }

    /**
     * A serial registered to the partner's customer, as the registry publishes it (DeviceRegistered, no delivery date
     * yet), applied by the service under test.
     */
    public static void registeredDevice(String serial, String sku, String partnerId, String customerId) {
        applied(Topics.REGISTRY_DEVICES, new DeviceRegistered(serial, sku, partnerId, customerId, null, null),
                "device-registry-service");
    }

    /** Publishes another service's event on the real broker and waits until a consumer of this service applied it. */
    public static UUID applied(String topic, DomainEvent event, String producer) {
        UUID id = UUID.randomUUID();
        TopicProbe.send(topic, event.aggregateId(), EventJson.write(EventJson.envelope(event, id, Instant.now(), producer)));
        await().atMost(APPLIED).until(() -> Arc.container().instance(InboundEvents.class).get().processedByAnyConsumer(id));
        return id;
    }

    private static String region(String country) {
        return switch (country) {
            case "US", "CA", "MX" -> "NORTH_AMERICA";
            default -> "EMEA";
        };
    }

    private static String currency(String country) {
        return switch (country) {
            case "US", "MX" -> "USD";
            case "CA" -> "CAD";
            case "GB" -> "GBP";
            default -> "EUR";
        };
    }

    private static void publish(DomainEvent event) {
        TopicProbe.send(Topics.PARTIES, event.aggregateId(),
                EventJson.write(EventJson.envelope(event, UUID.randomUUID(), Instant.now(), PRODUCER)));
    }

    private static PartyDirectory directory() {
        return Arc.container().instance(PartyDirectory.class).get();
    }

    private ProgrammeFacts() {
    }
}
