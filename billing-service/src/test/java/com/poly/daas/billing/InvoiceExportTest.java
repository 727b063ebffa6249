package com.poly.daas.billing;

import static com.poly.daas.billing.ContractFeed.activated;
import static com.poly.daas.billing.ContractFeed.enrolled;
import static com.poly.daas.billing.ContractFeed.id;
import static com.poly.daas.billing.ContractFeed.invoiced;
import static com.poly.daas.billing.ContractFeed.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: the ERP export and the invoice list (B1): exact columns, streamed, partner-scoped; bad input is a problem. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class InvoiceExportTest {
    /** The documented column set (docs/billing.md, "ERP export"): changing it breaks partners' imports. */
    static final List<String> COLUMNS = List.of("invoice_number", "document_type", "issuing_entity", "invoice_id", "issued_on",
            "invoice_month", "partner_id", "customer_id", "contract_id", "currency", "invoice_total", "line_no", "line_kind",
            "rule_ids", "serial", "sku", "coverage_option", "service_month", "corrects_month", "period_from", "period_to", "days",
            "days_in_month", "monthly_fee", "extended_fee", "line_amount", "rma_id", "charge_id", "credit_note_id");

    @Inject
    MutableClock clock;

    static String owner;
    static String outsider;
    static String contract;
    static String serial;

    @BeforeEach
    void anInvoicedJanuary() {
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        if (owner != null) {
            return;
        }
        owner = ProgrammeFacts.partner("P-EXP-" + UUID.randomUUID().toString().substring(0, 6));
        outsider = ProgrammeFacts.partner("P-OUT-" + UUID.randomUUID().toString().substring(0, 6));
        contract = id("C-");
        serial = id("SX");
        send(activated(contract, owner, LocalDate.of(2025, 1, 1)));
        send(enrolled(contract, owner, serial, LocalDate.of(2025, 1, 10), "EXTENDED", "31.00", "6.20"));
        send(new ContractTerminated(contract, owner, LocalDate.of(2025, 2, 1), "trial over"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/billing-accounts/" + contract).then().statusCode(200)
                        .body("endedOn", equalTo("2025-02-01")).body("devices", hasSize(1)));
        invoiced("2025-01");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static String export(String token, String format, String partnerId) {
        var request = given().header("Authorization", token);
        if (format != null) {
            request.queryParam("format", format);
        }
        if (partnerId != null) {
            request.queryParam("partnerId", partnerId);
        }
        return request.get("/invoice-exports/2025-01").then().statusCode(200).extract().asString();
    }

    static Map<String, String> row(String header, String line) {
        List<String> names = Arrays.asList(header.split(","));
        List<String> values = Arrays.asList(line.split(",", -1));
        assertThat(values).hasSameSizeAs(names);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            row.put(names.get(i), values.get(i));
        }
        return row;
    }

    @Test
    void B1_theCsvExportHasExactlyTheDocumentedColumnsAndOneRowPerLine() {
        var response = given().header("Authorization", Tokens.partner(owner)).queryParam("format", "csv")
                .get("/invoice-exports/2025-01").then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"invoices-2025-01.csv\"")).extract().asString();
        String[] lines = response.split("\r\n");
        assertThat(lines[0]).isEqualTo(String.join(",", COLUMNS));
        assertThat(lines).as("the header and the owner's one invoice line").hasSize(2);
        Map<String, String> row = row(lines[0], lines[1]);
        assertThat(row.get("invoice_number")).matches("NA-2026-\\d{6}");
        assertThat(row).containsEntry("document_type", "INVOICE").containsEntry("issuing_entity", "NA")
                .containsEntry("issued_on", "2026-11-05").containsEntry("invoice_month", "2025-01")
                .containsEntry("partner_id", owner).containsEntry("customer_id", "CU-" + contract)
                .containsEntry("contract_id", contract).containsEntry("currency", "USD")
                .containsEntry("invoice_total", "26.40").containsEntry("line_no", "1").containsEntry("line_kind", "DEVICE")
                .containsEntry("rule_ids", "B1").containsEntry("serial", serial).containsEntry("sku", "CCX-500")
                .containsEntry("coverage_option", "EXTENDED").containsEntry("service_month", "2025-01")
                .containsEntry("corrects_month", "").containsEntry("period_from", "2025-01-10")
                .containsEntry("period_to", "2025-01-31").containsEntry("days", "22").containsEntry("days_in_month", "31")
                .containsEntry("monthly_fee", "31.00").containsEntry("extended_fee", "6.20")
                .containsEntry("line_amount", "26.40").containsEntry("rma_id", "").containsEntry("charge_id", "")
                .containsEntry("credit_note_id", "");
        String invoiceId = row.get("invoice_id");
        given().header("Authorization", Tokens.partner(owner)).get("/invoices/" + invoiceId).then().statusCode(200)
                .body("number", equalTo(row.get("invoice_number"))).body("lines[0].rules", equalTo(List.of("B1")))
                .body("total.amount", equalTo("26.40"));
    }

    @Test
    void B1_theJsonLinesExportHasTheSameKeysInOrderWithMoneyAsDecimalStrings() throws Exception {
        String body = given().header("Authorization", Tokens.partner(owner)).queryParam("format", "jsonl")
                .get("/invoice-exports/2025-01").then().statusCode(200).contentType(startsWith("application/jsonl"))
                .extract().asString();
        String[] lines = body.split("\n");
        assertThat(lines).hasSize(1);
        JsonNode row = new ObjectMapper().readTree(lines[0]);
        List<String> keys = new ArrayList<>();
        row.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).isEqualTo(COLUMNS);
        assertThat(row.get("line_amount").isTextual()).isTrue();
        assertThat(row.get("line_amount").asText()).isEqualTo("26.40");
        assertThat(row.get("days").isIntegralNumber()).isTrue();
        assertThat(row.get("days").asInt()).isEqualTo(22);
        assertThat(row.get("corrects_month").isNull()).isTrue();
        assertThat(row.get("contract_id").asText()).isEqualTo(contract);
    }

    @Test
    void aPartnerNeverSeesAnotherPartnersInvoicesInTheListTheDetailOrTheExport() {
        String invoiceId = given().header("Authorization", Tokens.partner(owner)).queryParam("contractId", contract).get("/invoices")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].id");
        given().header("Authorization", Tokens.partner(outsider)).get("/invoices/" + invoiceId).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.partner(outsider)).queryParam("contractId", contract).get("/invoices").then()
                .statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.partner(outsider)).queryParam("partnerId", owner).get("/invoices").then()
                .statusCode(404).contentType("application/problem+json");
        assertThat(export(Tokens.partner(outsider), "csv", null)).doesNotContain(contract).doesNotContain(owner)
                .isEqualTo(String.join(",", COLUMNS) + "\r\n");
        assertThat(export(Tokens.partner(outsider), "jsonl", null)).isEmpty();
        given().header("Authorization", Tokens.partner(outsider)).queryParam("partnerId", owner).get("/invoice-exports/2025-01")
                .then().statusCode(404).contentType("application/problem+json");
        // staff see every partner, or the one they name
        assertThat(export(Tokens.agent(), "csv", owner).split("\r\n")).hasSize(2);
        assertThat(export(Tokens.agent(), "csv", outsider).split("\r\n")).hasSize(1);
        assertThat(export(Tokens.agent(), "csv", null)).contains(contract);
    }

    @Test
    void B1_invoicesAreListedByPartnerCustomerPeriodAndStatus() {
        given().header("Authorization", Tokens.agent()).queryParam("partnerId", owner).get("/invoices").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].contractId", equalTo(contract)).body("items[0].lines", equalTo(null));
        given().header("Authorization", Tokens.partner(owner)).queryParam("customerId", "CU-" + contract)
                .queryParam("from", "2024-12").queryParam("to", "2025-02").queryParam("status", "ISSUED")
                .queryParam("type", "INVOICE").get("/invoices").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("ISSUED")).body("items[0].number", startsWith("NA-"));
        given().header("Authorization", Tokens.partner(owner)).queryParam("from", "2025-02").get("/invoices").then()
                .statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.partner(owner)).queryParam("status", "CORRECTED").get("/invoices").then()
                .statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().header("Authorization", Tokens.partner(owner)).get("/invoices/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.partner(owner)).get("/invoice-exports/2025-13").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("month"));
        given().header("Authorization", Tokens.partner(owner)).get("/invoice-exports/January").then().statusCode(400)
                .body("errors.field", hasItem("month"));
        given().header("Authorization", Tokens.partner(owner)).queryParam("format", "xlsx").get("/invoice-exports/2025-01")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("format"));
        for (String param : List.of("from", "to")) {
            given().header("Authorization", Tokens.partner(owner)).queryParam(param, "2025/01").get("/invoices").then()
                    .statusCode(400).body("errors.field", hasItem(param));
        }
        given().header("Authorization", Tokens.partner(owner)).queryParam("status", "PAID").get("/invoices").then()
                .statusCode(400).body("errors.field", hasItem("status"));
        given().header("Authorization", Tokens.partner(owner)).queryParam("type", "RECEIPT").get("/invoices").then()
                .statusCode(400).body("errors.field", hasItem("type"));
        given().get("/invoice-exports/2025-01").then().statusCode(401);
    }
}
