package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import com.poly.daas.testsupport.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** P4 through the broker: the RMA service's ReplacementShipped events move the coverage to the replacement. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ReplacementTest {
    @Inject
    MutableClock clock;
    @Inject
    com.poly.daas.platform.inbox.InboundEvents inbound;

    /** The fixed dates below are written for this "today"; a later real date must not age them. */
    @BeforeEach
    void today() {
        clock.set(java.time.Instant.parse("2026-11-24T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }


    static String shipped(String partner, String contract, String original, String replacement, String sku, String shippedAt) {
        String rma = Fixtures.id("RMA-");
        return Fixtures.event(new ReplacementShipped(rma, partner, null, contract, original, replacement, sku,
                Instant.parse(shippedAt), LocalDate.parse(shippedAt.substring(0, 10)).plusDays(1),
                LocalDate.parse(shippedAt.substring(0, 10)).plusDays(15)), "rma-service");
    }

    @Test
    void P4_aReplacementOfAReplacementKeepsTheFirstOriginalsPeriod() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 36);
        String sku = Fixtures.voiceModel();
        String first = Fixtures.serial();
        String second = Fixtures.serial();
        String third = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(first, sku, "EXTENDED", "2026-01-31")).then().statusCode(201);

        TopicProbe.send(Topics.RMAS, "rma-1", shipped(partner, contract, first, second, sku, "2026-05-04T16:00:00Z"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                Fixtures.coverage(Tokens.partner(partner), second, "2026-06-01", "LIQUID_SPILL").then().statusCode(200)
                        .body("decision", equalTo("COVERED")).body("replacesSerial", equalTo(first))
                        .body("option", equalTo("EXTENDED")).body("rules", hasItem("P4")));
        // P4: its own later delivery date never restarts the period
        TopicProbe.send(Topics.REGISTRY_DEVICES, second, Fixtures.event(
                new DeviceDeliveryReported(second, sku, partner, LocalDate.of(2026, 5, 5)), "device-registry-service"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                        .body("items.find { it.serial == '" + second + "' }.deliveredOn", equalTo("2026-05-05"))
                        .body("items.find { it.serial == '" + second + "' }.period.start", equalTo("2026-01-31")));

        TopicProbe.send(Topics.RMAS, "rma-2", shipped(partner, contract, second, third, sku, "2027-02-10T09:00:00Z"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                Fixtures.coverage(Tokens.partner(partner), third, "2029-01-30", "HARDWARE_FAILURE").then().statusCode(200)
                        .body("decision", equalTo("COVERED")).body("period.start", equalTo("2026-01-31"))
                        .body("period.end", equalTo("2029-01-31")).body("replacesSerial", equalTo(second)));
        Fixtures.coverage(Tokens.partner(partner), third, "2029-01-31", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("PERIOD_ENDED"));
        Fixtures.coverage(Tokens.partner(partner), first, "2026-05-03", "HARDWARE_FAILURE").then().body("decision", equalTo("COVERED"));
        Fixtures.coverage(Tokens.partner(partner), first, "2026-05-04", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("REPLACED")).body("rules", hasItem("P4"));
        Fixtures.coverage(Tokens.partner(partner), second, "2027-02-10", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("REPLACED"));

        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                .body("items", hasSize(3))
                .body("items.findAll { it.status == 'ENDED' }.endReason", equalTo(List.of("REPLACED", "REPLACED")))
                .body("items.find { it.serial == '" + third + "' }.originalSerial", equalTo(first))
                .body("items.find { it.serial == '" + second + "' }.period.start", equalTo("2026-01-31"))
                .body("items.find { it.serial == '" + second + "' }.deliveredOn", equalTo("2026-05-05"));

        List<EventEnvelope> events = Fixtures.contractEvents(contract, 6);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ContractActivated", "DeviceEnrolled",
                "DeviceCoverageEnded", "DeviceEnrolled", "DeviceCoverageEnded", "DeviceEnrolled");
        JsonNode lastEnrolled = events.get(5).payload();
        assertThat(lastEnrolled.get("serial").asText()).isEqualTo(third);
        assertThat(lastEnrolled.get("replacesSerial").asText()).isEqualTo(second);
        assertThat(lastEnrolled.get("coverageStart").asText()).isEqualTo("2026-01-31");
        assertThat(lastEnrolled.get("coverageEnd").asText()).isEqualTo("2029-01-31");
        assertThat(events.get(2).payload().get("reason").asText()).isEqualTo("REPLACED");
        assertThat(events.get(2).payload().get("endedOn").asText()).isEqualTo("2026-05-04");
    }

    @Test
    void P4_aReplacementShippedBeforeTheOriginalsEnrolmentArrivedIsParkedThenAppliedNotDeadLettered() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 36);
        String sku = Fixtures.voiceModel();
        String original = Fixtures.serial();
        String replacement = Fixtures.serial();
        String rma = Fixtures.id("RMA-");
        String event = shipped(partner, contract, original, replacement, sku, "2026-05-04T16:00:00Z");
        java.util.UUID eventId = com.poly.daas.events.EventJson.readEnvelope(event).eventId();
        TopicProbe.send(Topics.RMAS, rma, event);
        await().atMost(Fixtures.EVENTS).until(() -> inbound.isParked("contract-service.replacements", eventId));
        Fixtures.coverage(Tokens.agent(), replacement, null, "HARDWARE_FAILURE").then().statusCode(404);

        // the original's enrolment (the missing fact) arrives: the parked shipment is applied
        Fixtures.enrol(partner, contract, Fixtures.device(original, sku, "STANDARD", "2026-01-31")).then().statusCode(201);
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                Fixtures.coverage(Tokens.partner(partner), replacement, "2026-06-01", "HARDWARE_FAILURE").then().statusCode(200)
                        .body("decision", equalTo("COVERED")).body("replacesSerial", equalTo(original)));
        assertThat(inbound.isParked("contract-service.replacements", eventId)).isFalse();
        var dead = TopicProbe.read(Topics.deadLetter("contract-service"), Duration.ofSeconds(3),
                rs -> rs.stream().anyMatch(r -> r.value().contains(replacement)));
        assertThat(dead.stream().filter(r -> r.value().contains(replacement))).isEmpty();
    }

    @Test
    void P4_theOriginalsCoverageEndsOnTheShipmentsDayAtTheCustomersSite_lateEveningInLosAngelesEarlyMorningInBerlin() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 36);
        String sku = Fixtures.voiceModel();
        String la = Fixtures.serial();
        String berlin = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(la, sku, "STANDARD", "2026-01-31")).then().statusCode(201);
        Fixtures.enrol(partner, contract, Fixtures.device(berlin, sku, "STANDARD", "2026-01-31")).then().statusCode(201);
        // 22:30 on June 30 in Los Angeles (July 1 in UTC) and 01:30 on July 1 in Berlin (June 30 in UTC)
        TopicProbe.send(Topics.RMAS, "rma-la", shippedIn(partner, contract, la, Fixtures.serial(), sku,
                "2026-07-01T05:30:00Z", "America/Los_Angeles"));
        TopicProbe.send(Topics.RMAS, "rma-berlin", shippedIn(partner, contract, berlin, Fixtures.serial(), sku,
                "2026-06-30T23:30:00Z", "Europe/Berlin"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() -> {
            Fixtures.coverage(Tokens.partner(partner), la, "2026-06-29", "HARDWARE_FAILURE").then().body("decision", equalTo("COVERED"));
            Fixtures.coverage(Tokens.partner(partner), la, "2026-06-30", "HARDWARE_FAILURE").then()
                    .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("REPLACED"));
            Fixtures.coverage(Tokens.partner(partner), berlin, "2026-06-30", "HARDWARE_FAILURE").then().body("decision", equalTo("COVERED"));
            Fixtures.coverage(Tokens.partner(partner), berlin, "2026-07-01", "HARDWARE_FAILURE").then()
                    .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("REPLACED"));
        });
    }

    static String shippedIn(String partner, String contract, String original, String replacement, String sku, String shippedAt,
                            String zone) {
        return Fixtures.event(new ReplacementShipped(Fixtures.id("RMA-"), partner, null, contract, original, replacement, sku,
                Instant.parse(shippedAt), LocalDate.parse(shippedAt.substring(0, 10)).plusDays(1),
                LocalDate.parse(shippedAt.substring(0, 10)).plusDays(15), null, "UPS", "1Z1", zone), "rma-service");
    }
}
