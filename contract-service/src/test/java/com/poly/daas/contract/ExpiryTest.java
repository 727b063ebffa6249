package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.contract.service.ExpiryJob;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Contracts and device periods end by themselves; the job is driven by the injected clock and called directly. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ExpiryTest {
    @Inject
    MutableClock clock;
    @Inject
    ExpiryJob job;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void today(String day) {
        clock.set(Instant.parse(day + "T00:00:01Z"));
    }

    ValidatableResponse device(String partner, String contract, String serial) {
        return given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                .rootPath("items.find { it.serial == '" + serial + "' }");
    }

    @Test
    void P3_leapDayAndMonthEndPeriodsEndOnTheirOwnDateOnceEvenWhenTheJobRunsTwiceOrConcurrently() throws Exception {
        today("2024-03-01");
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String sku = Fixtures.voiceModel();
        String leap = Fixtures.serial();
        String undelivered = Fixtures.serial();
        String monthEnd = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(leap, sku, "STANDARD", "2024-02-29"),
                Fixtures.device(undelivered, sku, "STANDARD", null), Fixtures.device(monthEnd, sku, "EXTENDED", null))
                .then().statusCode(201);
        today("2024-04-02");
        TopicProbe.send(Topics.REGISTRY_DEVICES, monthEnd, Fixtures.event(
                new DeviceDeliveryReported(monthEnd, sku, partner, LocalDate.of(2024, 3, 31)), "device-registry-service"));
        await().atMost(Fixtures.EVENTS).untilAsserted(() ->
                device(partner, contract, monthEnd).body("period.end", equalTo("2025-03-31")));

        today("2025-02-27");
        job.runOnce();
        device(partner, contract, leap).body("status", equalTo("COVERED")).body("period.end", equalTo("2025-02-28"));

        today("2025-02-28");
        CompletableFuture<Integer> replica = CompletableFuture.supplyAsync(job::runOnce);
        job.runOnce();
        replica.get();
        job.runOnce();
        device(partner, contract, leap).body("status", equalTo("ENDED")).body("endReason", equalTo("PERIOD_ENDED"))
                .body("endedOn", equalTo("2025-02-28"));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then().body("status", equalTo("ACTIVE"));

        today("2025-03-01");
        job.runOnce();
        job.runOnce();
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then()
                .body("status", equalTo("EXPIRED")).body("endedOn", equalTo("2025-03-01"));
        device(partner, contract, undelivered).body("status", equalTo("ENDED")).body("endReason", equalTo("CONTRACT_EXPIRED"));
        // a device delivered after activation keeps its own period beyond the contract's term (P3)
        device(partner, contract, monthEnd).body("status", equalTo("COVERED"));
        Fixtures.coverage(Tokens.partner(partner), monthEnd, "2025-03-30", "DROP_DAMAGE").then().body("decision", equalTo("COVERED"));

        today("2025-03-31");
        job.runOnce();
        device(partner, contract, monthEnd).body("status", equalTo("ENDED")).body("endedOn", equalTo("2025-03-31"));
        Fixtures.coverage(Tokens.partner(partner), monthEnd, "2025-03-31", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("PERIOD_ENDED"));

        List<EventEnvelope> events = Fixtures.contractEvents(contract, 9);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ContractActivated", "DeviceEnrolled", "DeviceEnrolled",
                "DeviceEnrolled", "DeviceEnrolled", "DeviceCoverageEnded", "DeviceCoverageEnded", "ContractExpired",
                "DeviceCoverageEnded");
        assertThat(events.get(5).payload().get("serial").asText()).isEqualTo(leap);
        assertThat(events.get(6).payload().get("serial").asText()).isEqualTo(undelivered);
        assertThat(events.get(6).payload().get("reason").asText()).isEqualTo("CONTRACT_EXPIRED");
        assertThat(events.get(7).payload().get("expiredOn").asText()).isEqualTo("2025-03-01");
        assertThat(events.get(8).payload().get("serial").asText()).isEqualTo(monthEnd);
    }

    @Test
    void aContractActivatedOnThe31stExpiresOnThe31stOfItsLastMonthAndNotBefore() {
        today("2026-01-31");
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 24);
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then()
                .body("endsOn", equalTo("2028-01-31"));
        today("2028-01-30");
        job.runOnce();
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then().body("status", equalTo("ACTIVE"));
        today("2028-01-31");
        job.runOnce();
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then()
                .body("status", equalTo("EXPIRED")).body("endedOn", equalTo("2028-01-31"));
        String etag = given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then().extract().header("ETag");
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", etag).contentType("application/json")
                .body("{\"reason\":\"late\"}").post("/contracts/" + contract + "/termination").then().statusCode(409);
    }

    @Test
    void aContractActivatedOnALeapDayExpiresOnThe28thOfFebruary() {
        today("2028-02-29");
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then()
                .body("endsOn", equalTo("2029-02-28"));
        today("2029-02-28");
        job.runOnce();
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then().body("status", equalTo("EXPIRED"));
        List<EventEnvelope> events = Fixtures.contractEvents(contract, 2);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ContractActivated", "ContractExpired");
    }
}
