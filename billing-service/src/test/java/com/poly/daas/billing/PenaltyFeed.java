package com.poly.daas.billing;

import static io.restassured.RestAssured.given;

import com.poly.daas.events.EventJson;
import com.poly.daas.events.Money;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.ModelPriceChanged;
import com.poly.daas.events.rmas.ExcessRmaDetected;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Feeds the registry's prices and rma-service's penalty events through the real broker, as their outboxes write them. */
final class PenaltyFeed {

    /** A list price in force from {@code from}, as the registry publishes it (seed prices are the same event). */
    static void price(String sku, String priceList, String amount, String currency, LocalDate from) {
        ProgrammeFacts.applied(Topics.REGISTRY_MODELS, new ModelPriceChanged(sku, priceList,
                priceList.startsWith("NA") ? "NORTH_AMERICA" : "EMEA", Money.of(amount, currency), from), "device-registry-service");
    }

    static ReturnOverdue overdue(String rmaId, String partnerId, String contractId, String sku, LocalDate overdueOn) {
        return new ReturnOverdue(rmaId, "T-" + rmaId, partnerId, "CU-" + contractId, contractId, "S" + rmaId, sku, "US",
                "NORTH_AMERICA", "USD", "NA-USD", overdueOn.minusDays(1), overdueOn, Instant.parse("2026-10-01T00:00:00Z"));
    }

    static LateReturnReceived lateReturn(ReturnOverdue overdue, LocalDate receivedOn) {
        return new LateReturnReceived(overdue.rmaId(), overdue.ticketId(), overdue.partnerId(), overdue.customerId(),
                overdue.contractId(), overdue.serial(), overdue.sku(), overdue.returnDueOn(), overdue.overdueOn(), receivedOn);
    }

    static ExcessRmaDetected excess(String rmaId, String partnerId, String contractId, String sku, LocalDate authorisedOn) {
        return new ExcessRmaDetected(rmaId, partnerId, "CU-" + contractId, contractId, "S" + rmaId, sku,
                authorisedOn.getYear(), 3, new BigDecimal("100.00"), new BigDecimal("3.00"), new BigDecimal("2.00"),
                "NORTH_AMERICA", "USD", "NA-USD", authorisedOn, Instant.parse("2026-10-01T00:00:00Z"));
    }

    /** Publishes an rma-service event and waits until billing applied it. */
    static void rma(com.poly.daas.events.DomainEvent event) {
        ProgrammeFacts.applied(Topics.RMAS, event, "rma-service");
    }

    static String envelope(com.poly.daas.events.DomainEvent event, UUID eventId) {
        return EventJson.write(EventJson.envelope(event, eventId, Instant.now(), "rma-service"));
    }

    static JsonPath chargeOf(String rmaId) {
        return given().header("Authorization", Tokens.agent()).queryParam("rmaId", rmaId).get("/charges")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath charge(String id) {
        return given().header("Authorization", Tokens.agent()).get("/charges/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String etag(String chargeId) {
        return given().header("Authorization", Tokens.agent()).get("/charges/" + chargeId).then().statusCode(200)
                .extract().header("ETag");
    }

    static io.restassured.response.ValidatableResponse decide(String chargeId, String decision, String ifMatch, String body) {
        var spec = given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            spec.header("If-Match", ifMatch);
        }
        return spec.post("/charges/" + chargeId + "/" + decision).then();
    }

    static String id(String prefix) {
        return ContractFeed.id(prefix);
    }

    private PenaltyFeed() {
    }
}
