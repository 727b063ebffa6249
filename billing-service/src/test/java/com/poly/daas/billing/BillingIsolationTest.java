package com.poly.daas.billing;

import static com.poly.daas.billing.ContractFeed.activated;
import static com.poly.daas.billing.ContractFeed.awaitAccount;
import static com.poly.daas.billing.ContractFeed.enrolled;
import static com.poly.daas.billing.ContractFeed.id;
import static com.poly.daas.billing.ContractFeed.run;
import static com.poly.daas.billing.ContractFeed.send;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Partner isolation over every operation of the billing API. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BillingIsolationTest {
    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyOperationIsolatesPartners() {
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        String owner = ProgrammeFacts.partner("P-A-" + UUID.randomUUID().toString().substring(0, 6));
        String outsider = ProgrammeFacts.partner("P-B-" + UUID.randomUUID().toString().substring(0, 6));
        String contractOfA = id("C-");
        String serialOfA = id("SI");
        send(activated(contractOfA, owner, LocalDate.of(2026, 4, 1)));
        send(enrolled(contractOfA, owner, serialOfA, LocalDate.of(2026, 4, 1), "STANDARD", "19.00", null));
        awaitAccount(contractOfA, 1);
        String runId = ContractFeed.invoiced("2026-04").getString("id");
        String invoiceOfA = given().header("Authorization", Tokens.partner(owner)).queryParam("contractId", contractOfA)
                .get("/invoices").then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");

        String rmaOfA = id("RMA-");
        String sku = id("SKU-");
        PenaltyFeed.price(sku, "NA-USD", "149.00", "USD", LocalDate.of(2026, 1, 1));
        var overdue = PenaltyFeed.overdue(rmaOfA, owner, contractOfA, sku, LocalDate.of(2026, 10, 1));
        PenaltyFeed.rma(overdue);
        PenaltyFeed.rma(PenaltyFeed.lateReturn(overdue, LocalDate.of(2026, 10, 2)));
        String pendingRma = id("RMA-");
        PenaltyFeed.rma(PenaltyFeed.excess(pendingRma, owner, contractOfA, sku, LocalDate.of(2026, 10, 3)));
        String chargeOfA = PenaltyFeed.chargeOf(pendingRma).getString("items[0].id");
        String creditNoteOfA = given().header("Authorization", Tokens.partner(owner)).get("/credit-notes").then()
                .statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");

        IsolationSuite.fromOpenApi()
                .get("GET /charges/{id}", "/charges/" + chargeOfA)
                .list("GET /charges", "/charges?rmaId=" + pendingRma)
                .staffOnly("GET /charge-queue", "/charge-queue?partnerId=" + owner, null)
                .staffOnly("POST /charges/{id}/approval", "/charges/" + chargeOfA + "/approval", "{\"reason\":\"mine\"}")
                .staffOnly("POST /charges/{id}/waiver", "/charges/" + chargeOfA + "/waiver", "{\"reason\":\"mine\"}")
                .get("GET /credit-notes/{id}", "/credit-notes/" + creditNoteOfA)
                .list("GET /credit-notes", "/credit-notes?rmaId=" + rmaOfA)
                .get("GET /billing-accounts/{contractId}", "/billing-accounts/" + contractOfA)
                .get("GET /invoices/{id}", "/invoices/" + invoiceOfA)
                .list("GET /invoices", "/invoices?month=2026-04")
                .staffOnly("POST /invoice-runs", "/invoice-runs", "{\"month\":\"2026-04\"}")
                .staffOnly("GET /invoice-runs/{id}", "/invoice-runs/" + runId, null)
                .staffOnly("GET /invoice-runs/{id}/contracts", "/invoice-runs/" + runId + "/contracts", null)
                .list("GET /invoice-exports/{month}", "/invoice-exports/2026-04")
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .verify(owner, outsider, List.of(contractOfA, serialOfA, invoiceOfA, "CU-" + contractOfA, rmaOfA, pendingRma,
                        chargeOfA, creditNoteOfA));
    }
}
