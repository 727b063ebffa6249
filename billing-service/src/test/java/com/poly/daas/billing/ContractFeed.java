package com.poly.daas.billing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Money;
import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.ContractActivated;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Feeds contract-service's events through the real broker, exactly as its outbox writes them. */
final class ContractFeed {

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String envelope(DomainEvent event, UUID eventId) {
        return EventJson.write(EventJson.envelope(event, eventId, Instant.now(), "contract-service"));
    }

    static void send(DomainEvent event) {
        TopicProbe.send(Topics.CONTRACTS, event.aggregateId(), envelope(event, UUID.randomUUID()));
    }

    static ContractActivated activated(String contractId, String partnerId, LocalDate on) {
        return new ContractActivated(contractId, partnerId, "CU-" + contractId, "US", 36, "USD", on);
    }

    static DeviceEnrolled enrolled(String contractId, String partnerId, String serial, LocalDate start, String option,
                                   String fee, String extendedFee) {
        return new DeviceEnrolled(contractId, serial, "CCX-500", partnerId, "CU-" + contractId, "US", start,
                start == null ? null : start.plusMonths(36), option, Money.of(fee, "USD"),
                extendedFee == null ? null : Money.of(extendedFee, "USD"), null);
    }

    /** Waits until the billing replica shows the contract as activated with this many devices. */
    static void awaitAccount(String contractId, int devices) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/billing-accounts/" + contractId)
                        .then().statusCode(200).body("status", equalTo("ACTIVE")).body("devices", hasSize(devices)));
    }

    static io.restassured.response.ValidatableResponse run(String month, String idempotencyKey) {
        var spec = given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"month\":\"" + month + "\"}");
        if (idempotencyKey != null) {
            spec.header("Idempotency-Key", idempotencyKey);
        }
        return spec.post("/invoice-runs").then();
    }

    /** Runs the month on demand (202) and waits until the run has settled every contract of it; the run as it ended. */
    static io.restassured.path.json.JsonPath invoiced(String month) {
        String runId = run(month, null).statusCode(202).extract().path("id");
        return completed(runId);
    }

    /** Waits until the run is COMPLETED. */
    static io.restassured.path.json.JsonPath completed(String runId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/invoice-runs/" + runId).then().statusCode(200)
                        .body("status", equalTo("COMPLETED")));
        return given().header("Authorization", Tokens.agent()).get("/invoice-runs/" + runId).then().extract().jsonPath();
    }

    /** The contract's invoices of the month, each as its detail (with lines), as {"items": [...]}. */
    static io.restassured.path.json.JsonPath invoicesWithLines(String contractId, String month) {
        java.util.List<String> ids = given().header("Authorization", Tokens.agent()).queryParam("contractId", contractId)
                .queryParam("month", month).get("/invoices").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        String details = ids.stream().map(id -> given().header("Authorization", Tokens.agent()).get("/invoices/" + id).then()
                .statusCode(200).extract().asString()).collect(java.util.stream.Collectors.joining(","));
        return io.restassured.path.json.JsonPath.from("{\"items\":[" + details + "]}");
    }

    private ContractFeed() {
    }
}
