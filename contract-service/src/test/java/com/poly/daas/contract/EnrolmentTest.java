package com.poly.daas.contract;

import static com.poly.daas.contract.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.events.registry.ModelEndOfSupportAnnounced;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import com.poly.daas.contract.domain.DeliveryFact;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class EnrolmentTest {
    @Inject
    MutableClock clock;

    /** The fixed dates below are written for this "today"; a later real date must not age them. */
    @BeforeEach
    void today() {
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void E3_extendedIsOnlyForVoiceModelsAndARequestIsValidatedAsAWhole() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 36);
        String voice = Fixtures.voiceModel();
        String video = Fixtures.videoModel();
        String good = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(good, voice, "EXTENDED", null),
                        Fixtures.device(Fixtures.serial(), video, "EXTENDED", null))
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("E3"))
                .body("errors.field", hasItem("devices[1].option"));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices")
                .then().statusCode(200).body("items", hasSize(0));

        Fixtures.enrol(partner, contract, Fixtures.device(good, voice, "EXTENDED", null),
                        Fixtures.device(Fixtures.serial(), video, "STANDARD", null))
                .then().statusCode(201).body("devices", hasSize(2))
                .body("devices[0].option", equalTo("EXTENDED")).body("devices[0].status", equalTo("AWAITING_DELIVERY"))
                .body("devices[0].period", nullValue()).body("devices[1].option", equalTo("STANDARD"));
    }

    @Test
    void E1_extendedCannotBeAddedAfterTheSale() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 24);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-01-15")).then().statusCode(201);

        as(Tokens.partner(partner)).body("{\"option\":\"EXTENDED\"}").put("/contracts/" + contract + "/devices/" + serial + "/option")
                .then().statusCode(409).body("rule", equalTo("E1")).body("errors.field", hasItem("option"));
        as(Tokens.partner(partner)).body("{\"option\":\"STANDARD\"}").put("/contracts/" + contract + "/devices/" + serial + "/option")
                .then().statusCode(200).body("option", equalTo("STANDARD"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "EXTENDED", "2026-01-15"))
                .then().statusCode(409).body("rule", equalTo("E1")).body("errors.field", hasItem("devices[0].serial"));
        Fixtures.coverage(Tokens.partner(partner), serial, "2026-06-01", "LIQUID_SPILL").then().statusCode(200)
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("EXTENDED_OPTION_REQUIRED"))
                .body("option", equalTo("STANDARD"));
        // another partner cannot enrol the same serial either
        String other = Fixtures.partner();
        Fixtures.enrol(other, Fixtures.activeContract(other, 12), Fixtures.device(serial, sku, "STANDARD", null))
                .then().statusCode(409).body("type", containsString("already-enrolled"));
    }

    @Test
    void P6_enrolmentRefusedFromTheMomentEndOfSaleArrivesTheSameDayAndExistingCoverageIsKept() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 36);
        String sku = Fixtures.voiceModel();
        String before = Fixtures.serial();
        String today = LocalDate.now(clock).toString();
        Fixtures.enrol(partner, contract, Fixtures.device(before, sku, "EXTENDED", today)).then().statusCode(201);

        TopicProbe.send(Topics.REGISTRY_MODELS, sku, Fixtures.event(
                new ModelEndOfSaleAnnounced(sku, LocalDate.now(clock), LocalDate.now(clock).plusMonths(6)), "device-registry-service"));
        String after = Fixtures.serial();
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                Fixtures.enrol(partner, contract, Fixtures.device(after, sku, "STANDARD", null))
                        .then().statusCode(422).body("rule", equalTo("P6")).body("errors.field", hasItem("devices[0].sku")));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices")
                .then().body("items", hasSize(1)).body("items[0].serial", equalTo(before));
        Fixtures.coverage(Tokens.partner(partner), before, today, "DROP_DAMAGE").then().statusCode(200)
                .body("decision", equalTo("COVERED")).body("rules", hasItem("E2"));
    }

    @Test
    void P5_endOfSupportNeverCutsCoverageShort() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-06-30")).then().statusCode(201);
        TopicProbe.send(Topics.REGISTRY_MODELS, sku, Fixtures.event(
                new ModelEndOfSupportAnnounced(sku, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)), "device-registry-service"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                Fixtures.coverage(Tokens.partner(partner), serial, "2027-06-29", "HARDWARE_FAILURE").then().statusCode(200)
                        .body("decision", equalTo("COVERED")).body("rules", hasItem("P5"))
                        .body("period.lastDay", equalTo("2027-06-29")));
        Fixtures.coverage(Tokens.partner(partner), serial, "2027-06-30", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("PERIOD_ENDED"));
    }

    @Test
    void P3_aDeliveryDateReportedAfterEnrolmentStartsThePeriodAndDeviceEnrolledIsPublishedAgain() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 48);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "EXTENDED", null)).then().statusCode(201)
                .body("devices[0].status", equalTo("AWAITING_DELIVERY"));
        Fixtures.coverage(Tokens.partner(partner), serial, null, "HARDWARE_FAILURE").then().statusCode(200)
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("AWAITING_DELIVERY"))
                .body("rules", hasItem("P3"));

        String delivered = "2024-02-29";
        String report = Fixtures.event(new DeviceDeliveryReported(serial, sku, partner, LocalDate.parse(delivered)), "device-registry-service");
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, report);
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, report); // redelivery: applied once
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                        .body("items[0].status", equalTo("COVERED")).body("items[0].deliveredOn", equalTo(delivered))
                        .body("items[0].period.start", equalTo(delivered)).body("items[0].period.end", equalTo("2028-02-29")));
        Fixtures.coverage(Tokens.partner(partner), serial, "2028-02-28", "LIQUID_SPILL").then()
                .body("decision", equalTo("COVERED")).body("rules", hasItem("E2"));
        Fixtures.coverage(Tokens.partner(partner), serial, "2028-02-29", "LIQUID_SPILL").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("PERIOD_ENDED"));

        List<EventEnvelope> events = Fixtures.contractEvents(contract, 3);
        List<JsonNode> enrolled = events.stream().filter(e -> e.type().equals("DeviceEnrolled")).map(EventEnvelope::payload).toList();
        assertThat(enrolled).hasSize(2);
        assertThat(enrolled.get(0).get("coverageStart").isNull()).isTrue();
        assertThat(enrolled.get(1).get("coverageStart").asText()).isEqualTo(delivered);
        assertThat(enrolled.get(1).get("coverageEnd").asText()).isEqualTo("2028-02-29");
        assertThat(enrolled.get(1).get("option").asText()).isEqualTo("EXTENDED");
        assertThat(enrolled.get(1).get("monthlyFee").get("amount").asText()).isEqualTo("24.90");
        assertThat(enrolled.get(1).get("extendedCoverageFee").get("amount").asText()).isEqualTo("3.50");
        assertThat(enrolled.get(1).get("customerCountry").asText()).isEqualTo("US");
    }

    @Test
    void P3_aDeliveryDateTheRegistryKnewBeforeEnrolmentIsUsed() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, Fixtures.event(
                new DeviceRegistered(serial, sku, partner, "CU-1", LocalDate.of(2026, 1, 31), null), "device-registry-service"));
        await().atMost(Fixtures.EVENTS).until(() -> QuarkusTransaction.requiringNew().call(() -> DeliveryFact.findById(serial) != null));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", null)).then().statusCode(201)
                .body("devices[0].status", equalTo("COVERED")).body("devices[0].period.start", equalTo("2026-01-31"))
                .body("devices[0].period.end", equalTo("2027-01-31"))
                .body("devices[0].period.lastDay", equalTo("2027-01-30"));
    }

    @Test
    void badEnrolmentInputIsAProblemNamingTheFieldAndEnrolsNothing() {
        clock.set(Instant.parse("2026-11-24T12:00:00Z"));
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String sku = Fixtures.voiceModel();
        String notEligible = Fixtures.model("DESK_PHONE", true, false);
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, "NOPE-" + UUID.randomUUID().toString().substring(0, 6), "STANDARD", null))
                .then().statusCode(400).body("errors.field", hasItem("devices[0].sku"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, notEligible, "STANDARD", null))
                .then().statusCode(422).body("errors.field", hasItem("devices[0].sku"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-11-25"))
                .then().statusCode(400).body("errors.field", hasItem("devices[0].deliveredOn"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2025-11-24"))
                .then().statusCode(422).body("rule", equalTo("P3")).body("errors.field", hasItem("devices[0].deliveredOn"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", null), Fixtures.device(serial, sku, "STANDARD", null))
                .then().statusCode(400).body("errors.field", hasItem("devices[1].serial"));
        Fixtures.enrol(partner, contract, Fixtures.device("x", sku, "STANDARD", null))
                .then().statusCode(400).body("errors.field", hasItem("devices[0].serial"));
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "GOLD", null))
                .then().statusCode(400).contentType("application/problem+json");
        Fixtures.enrol(partner, contract).then().statusCode(400).body("errors.field", hasItem("devices"));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices")
                .then().statusCode(200).body("items", hasSize(0));
        Fixtures.coverage(Tokens.partner(partner), serial, null, "HARDWARE_FAILURE").then().statusCode(404);

        // the day before the period would be over is still accepted (the period is still running)
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2025-11-25")).then().statusCode(201)
                .body("devices[0].period.lastDay", equalTo("2026-11-24"));
    }

    @Test
    void anEnrolmentRetriedWithItsIdempotencyKeyEnrolsOnceAndReplaysTheFirstAnswer() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        Fixtures.registered(serial, sku, partner, given().header("Authorization", Tokens.partner(partner))
                .get("/contracts/" + contract).then().extract().path("customerId"));
        String body = "{\"devices\":[" + Fixtures.device(serial, sku, "EXTENDED", null) + "]}";
        String key = UUID.randomUUID().toString();
        String first = as(Tokens.partner(partner)).header("Idempotency-Key", key).body(body)
                .post("/contracts/" + contract + "/devices").then().statusCode(201).extract().asString();
        as(Tokens.partner(partner)).header("Idempotency-Key", key).body(body)
                .post("/contracts/" + contract + "/devices").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body(equalTo(first));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices")
                .then().body("items", hasSize(1));
        List<EventEnvelope> events = Fixtures.contractEvents(contract, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ContractActivated", "DeviceEnrolled");
    }

    @Test
    void P3_aCorrectedDeliveryDateMovesThePeriodAndIsPublishedAgainButAnotherSkusReportIsIgnored() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 24);
        String sku = Fixtures.voiceModel();
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-01-29")).then().statusCode(201)
                .body("devices[0].period.end", equalTo("2028-01-29"));
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, Fixtures.event(
                new DeviceDeliveryReported(serial, "OTHER-SKU", partner, LocalDate.of(2025, 6, 1)), "device-registry-service"));
        TopicProbe.send(Topics.REGISTRY_DEVICES, serial, Fixtures.event(
                new DeviceDeliveryReported(serial, sku, partner, LocalDate.of(2026, 1, 30)), "device-registry-service"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                        .body("items[0].period.start", equalTo("2026-01-30")).body("items[0].period.end", equalTo("2028-01-30")));
        List<JsonNode> enrolled = Fixtures.contractEvents(contract, 3).stream().filter(e -> e.type().equals("DeviceEnrolled"))
                .map(EventEnvelope::payload).toList();
        assertThat(enrolled).extracting(e -> e.get("coverageStart").asText()).containsExactly("2026-01-29", "2026-01-30");
    }
}
