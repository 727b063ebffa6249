package com.poly.daas.contract;

import static com.poly.daas.contract.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ContractLifecycleTest {
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void contractGoesDraftActiveTerminatedWithIfMatchAndPublishesEachStep() {
        clock.set(Instant.parse("2026-03-31T10:00:00Z"));
        String partner = Fixtures.partner();
        String sku = Fixtures.voiceModel();
        String contract = Fixtures.draftContract(partner, 36);
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then().statusCode(200)
                .header("ETag", "\"0\"").body("status", equalTo("DRAFT")).body("currency", equalTo("USD"))
                .body("monthlyFee.amount", equalTo("24.90")).body("extendedCoverageFee.amount", equalTo("3.50"))
                .body("activatedOn", nullValue());

        given().header("Authorization", Tokens.partner(partner)).post("/contracts/" + contract + "/activation").then().statusCode(428);
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", "\"5\"")
                .post("/contracts/" + contract + "/activation").then().statusCode(412);
        as(Tokens.partner(partner)).body("{\"reason\":\"too early\"}").header("If-Match", "\"0\"")
                .post("/contracts/" + contract + "/termination").then().statusCode(409).body("type", containsString("illegal-transition"));
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", "\"0\"")
                .post("/contracts/" + contract + "/activation").then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("ACTIVE")).body("activatedOn", equalTo("2026-03-31"))
                .body("endsOn", equalTo("2029-03-31"));
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", "\"1\"")
                .post("/contracts/" + contract + "/activation").then().statusCode(409).contentType("application/problem+json");

        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-03-20")).then().statusCode(201);

        clock.set(Instant.parse("2027-01-10T08:00:00Z"));
        as(Tokens.partner(partner)).body("{\"reason\":\"\"}").header("If-Match", "\"1\"")
                .post("/contracts/" + contract + "/termination").then().statusCode(400).body("errors.field", hasItem("reason"));
        as(Tokens.partner(partner)).body("{\"reason\":\"customer closed its offices\"}").header("If-Match", "\"1\"")
                .post("/contracts/" + contract + "/termination").then().statusCode(200)
                .body("status", equalTo("TERMINATED")).body("endedOn", equalTo("2027-01-10"))
                .body("endReason", equalTo("customer closed its offices"));
        as(Tokens.partner(partner)).body("{\"reason\":\"again\"}").header("If-Match", "\"2\"")
                .post("/contracts/" + contract + "/termination").then().statusCode(409);
        Fixtures.enrol(partner, contract, Fixtures.device(Fixtures.serial(), sku, "STANDARD", null)).then().statusCode(409)
                .body("type", containsString("contract-closed"));

        Fixtures.coverage(Tokens.partner(partner), serial, "2027-01-09", "HARDWARE_FAILURE").then().body("decision", equalTo("COVERED"));
        Fixtures.coverage(Tokens.partner(partner), serial, "2027-01-10", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("CONTRACT_TERMINATED"));

        List<EventEnvelope> events = Fixtures.contractEvents(contract, 4);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("ContractActivated", "DeviceEnrolled", "DeviceCoverageEnded", "ContractTerminated");
        assertThat(events.get(0).payload().get("activatedOn").asText()).isEqualTo("2026-03-31");
        assertThat(events.get(0).payload().get("termMonths").asInt()).isEqualTo(36);
        assertThat(events.get(0).payload().get("currency").asText()).isEqualTo("USD");
        assertThat(events.get(2).payload().get("reason").asText()).isEqualTo("CONTRACT_TERMINATED");
        assertThat(events.get(2).payload().get("endedOn").asText()).isEqualTo("2027-01-10");
        assertThat(events.get(3).payload().get("reason").asText()).isEqualTo("customer closed its offices");
        assertThat(events).allSatisfy(e -> assertThat(e.producer()).isEqualTo("contract-service"));
    }

    @Test
    void currencyTermAndFeesAreValidatedNamingTheFieldAndNothingIsCreated() {
        String partner = Fixtures.partner();
        String canadian = Fixtures.customer(partner, "CA");
        String british = Fixtures.customer(partner, "GB");
        as(Tokens.partner(partner)).body(Fixtures.contractBody(canadian, 36, "USD")).post("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("monthlyFee.currency"));
        as(Tokens.partner(partner)).body(Fixtures.contractBody(canadian, 18, "CAD")).post("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("termMonths"));
        as(Tokens.partner(partner)).body("""
                {"customerId":"%s","termMonths":12,"monthlyFee":{"amount":"-1.00","currency":"CAD"},
                 "extendedCoverageFee":{"amount":"2.999","currency":"CAD"}}""".formatted(canadian)).post("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("monthlyFee.amount"))
                .body("errors.field", hasItem("extendedCoverageFee.amount"));
        as(Tokens.partner(partner)).body("""
                {"customerId":"%s","termMonths":12,"monthlyFee":{"amount":"ten","currency":"CAD"},
                 "extendedCoverageFee":{"amount":"1","currency":"CAD"}}""".formatted(canadian)).post("/contracts")
                .then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.partner(partner)).get("/contracts").then().statusCode(200).body("items", hasSize(0));

        as(Tokens.partner(partner)).body(Fixtures.contractBody(canadian, 24, "CAD")).post("/contracts")
                .then().statusCode(201).body("currency", equalTo("CAD")).body("customerCountry", equalTo("CA"));
        as(Tokens.partner(partner)).body(Fixtures.contractBody(british, 60, "GBP")).post("/contracts")
                .then().statusCode(201).body("currency", equalTo("GBP"));
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", british).get("/contracts")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].termMonths", equalTo(60));
        given().header("Authorization", Tokens.partner(partner)).queryParam("status", "ACTIVE").get("/contracts")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.partner(partner)).queryParam("status", "ALIVE").get("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void aPartnerCannotContractForAnotherPartnersCustomerAndIdempotencyKeyReplays() {
        String owner = Fixtures.partner();
        String outsider = Fixtures.partner();
        String customer = Fixtures.customer(owner, "FR");
        as(Tokens.partner(outsider)).body(Fixtures.contractBody(customer, 12, "EUR")).post("/contracts").then().statusCode(404);
        as(Tokens.partner(owner)).body(Fixtures.contractBody(UUID.randomUUID().toString(), 12, "EUR")).post("/contracts")
                .then().statusCode(404);

        String key = UUID.randomUUID().toString();
        String first = as(Tokens.partner(owner)).header("Idempotency-Key", key).body(Fixtures.contractBody(customer, 12, "EUR"))
                .post("/contracts").then().statusCode(201).extract().path("id");
        String again = as(Tokens.partner(owner)).header("Idempotency-Key", key).body(Fixtures.contractBody(customer, 12, "EUR"))
                .post("/contracts").then().statusCode(201).header("Idempotency-Replayed", "true").extract().path("id");
        assertThat(again).isEqualTo(first);
        given().header("Authorization", Tokens.partner(owner)).get("/contracts").then().body("items", hasSize(1));
        given().header("Authorization", Tokens.agent()).get("/contracts/" + first).then().statusCode(200)
                .body("partnerId", equalTo(owner));
        given().header("Authorization", Tokens.partner(outsider)).get("/contracts/" + first).then().statusCode(404);
        given().header("Authorization", Tokens.partner(owner)).get("/contracts/not-a-uuid").then().statusCode(404);
        assertThat(LocalDate.now(clock)).isNotNull();
    }
}
