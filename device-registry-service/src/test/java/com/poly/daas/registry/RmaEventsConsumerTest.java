package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** rma-service's events reach the registry through the real broker: P4 replacement links, A2 Poly property, once each. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RmaEventsConsumerTest {
    @jakarta.inject.Inject
    com.poly.daas.platform.inbox.InboundEvents inbound;

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-OUTSIDER");
    }

    static String rmaEvent(DomainEvent event, UUID id) {
        return EventJson.write(EventJson.envelope(event, id, Instant.now(), "rma-service"));
    }

    @Test
    void P4_A2_theReplacementIsRegisteredAndLinkedAndTheOriginalBecomesPolyPropertyOnceReceived() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("DESK_PHONE");
        String original = Fixtures.serial();
        String replacement = Fixtures.serial();
        String rma = "R-" + UUID.randomUUID();
        Fixtures.device(partner, original, sku, "CU-7-" + partner, "2026-09-01");

        String shipped = rmaEvent(new ReplacementShipped(rma, partner, "CU-7-" + partner, "C-1", original, replacement, sku,
                Instant.parse("2026-11-02T15:00:00Z"), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17)), UUID.randomUUID());
        TopicProbe.send(Topics.RMAS, rma, shipped);
        TopicProbe.send(Topics.RMAS, rma, shipped); // redelivery
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/devices/" + original)
                        .then().statusCode(200).body("status", equalTo("IN_RETURN")));
        given().header("Authorization", Tokens.partner(partner)).get("/devices/" + replacement).then().statusCode(200)
                .body("replacesSerial", equalTo(original)).body("customerId", equalTo("CU-7-" + partner)).body("partnerId", equalTo(partner))
                .body("status", equalTo("REGISTERED"));
        given().header("Authorization", Tokens.partner(partner)).queryParam("replacesSerial", original).get("/devices")
                .then().body("items.serial", equalTo(List.of(replacement)));
        given().header("Authorization", Tokens.partner("P-OUTSIDER")).get("/devices/" + replacement).then().statusCode(404);

        String received = rmaEvent(new DefectiveUnitReceived(rma, partner, original, sku, LocalDate.of(2026, 11, 9)), UUID.randomUUID());
        TopicProbe.send(Topics.RMAS, rma, received);
        TopicProbe.send(Topics.RMAS, rma, received);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/devices/" + original)
                        .then().body("status", equalTo("POLY_PROPERTY")));
        given().header("Authorization", Tokens.partner(partner)).get("/devices/" + original + "/history").then()
                .body("items.status", equalTo(List.of("REGISTERED", "IN_RETURN", "POLY_PROPERTY")));

        List<EventEnvelope> originalEvents = TopicProbe.events(Topics.REGISTRY_DEVICES, original, 3, Duration.ofSeconds(20));
        assertThat(originalEvents).extracting(EventEnvelope::type)
                .containsExactly("DeviceRegistered", "DeviceStatusChanged", "DeviceStatusChanged");
        assertThat(originalEvents.get(2).payload().get("status").asText()).isEqualTo("POLY_PROPERTY");
        List<EventEnvelope> replacementEvents = TopicProbe.events(Topics.REGISTRY_DEVICES, replacement, 1, Duration.ofSeconds(20));
        assertThat(replacementEvents).hasSize(1);
        assertThat(replacementEvents.get(0).payload().get("replacesSerial").asText()).isEqualTo(original);
    }

    @Test
    void A2_anEventThatCannotApplyYetIsParkedNotDeadLetteredAndAppliedOnceTheDeviceIsRegistered() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("HEADSET");
        String early = Fixtures.serial();
        String other = Fixtures.serial();
        Fixtures.device(partner, other, sku, "CU-8-" + partner, null);
        String rmaEarly = "R-" + UUID.randomUUID();
        String rmaOther = "R-" + UUID.randomUUID();
        UUID earlyEvent = UUID.randomUUID();
        // the unit's receipt arrives before the device's registration reached the registry: not poison
        TopicProbe.send(Topics.RMAS, rmaEarly, rmaEvent(new DefectiveUnitReceived(rmaEarly, partner, early, sku,
                LocalDate.of(2026, 11, 9)), earlyEvent));
        TopicProbe.send(Topics.RMAS, rmaOther, rmaEvent(new DefectiveUnitReceived(rmaOther, partner, other, sku,
                LocalDate.of(2026, 11, 9)), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/devices/" + other).then().body("status", equalTo("POLY_PROPERTY")));
        await().atMost(Duration.ofSeconds(20)).until(() -> inbound.isParked("device-registry-service.rma-devices", earlyEvent));

        Fixtures.device(partner, early, sku, "CU-8-" + partner, null);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/devices/" + early).then().body("status", equalTo("POLY_PROPERTY")));
        assertThat(inbound.isParked("device-registry-service.rma-devices", earlyEvent)).isFalse();
        assertThat(inbound.alreadyProcessed("device-registry-service.rma-devices", earlyEvent)).isTrue();
        var dead = TopicProbe.read(Topics.deadLetter("device-registry-service"), Duration.ofSeconds(3),
                rs -> rs.stream().anyMatch(r -> rmaEarly.equals(r.key())));
        assertThat(dead.stream().filter(r -> rmaEarly.equals(r.key()))).isEmpty();
    }

    @Test
    void aMalformedRmaEventIsDeadLetteredAndTheNextOneIsStillApplied() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("HEADSET");
        String original = Fixtures.serial();
        Fixtures.device(partner, original, sku, "CU-8-" + partner, null);
        String bad = "R-" + UUID.randomUUID();
        TopicProbe.send(Topics.RMAS, bad, rmaEvent(new ReplacementShipped(bad, partner, "CU-8-" + partner, "C-1", original, null, null,
                Instant.parse("2026-11-02T15:00:00Z"), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17)), UUID.randomUUID()));
        String rma = "R-" + UUID.randomUUID();
        TopicProbe.send(Topics.RMAS, rma, rmaEvent(new DefectiveUnitReceived(rma, partner, original, sku,
                LocalDate.of(2026, 11, 9)), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/devices/" + original).then().body("status", equalTo("POLY_PROPERTY")));
        var dead = TopicProbe.read(Topics.deadLetter("device-registry-service"), Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> bad.equals(r.key())));
        assertThat(dead.stream().filter(r -> bad.equals(r.key())).toList()).hasSize(1);
        assertThat(TopicProbe.header(dead.stream().filter(r -> bad.equals(r.key())).findFirst().orElseThrow(),
                "dead-letter-reason")).contains("lacks sku, serials or partner");
    }
}
