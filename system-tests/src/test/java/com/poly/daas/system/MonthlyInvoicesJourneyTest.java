package com.poly.daas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.devstack.DevTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey 6 (issue 14, B1): monthly invoices for two months across the five running services, through their HTTP APIs
 * only. A partner's contract starts mid-March with a standard phone delivered that day and an extended one ten days
 * later; when the demo clock passes the first business day of April, billing's scheduled run issues March's invoice,
 * numbered and prorated by day; May brings April's full-month invoice, the next number; the partner's ERP exports
 * both months (CSV, JSON Lines), and the sequence of numbers has no gap.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonthlyInvoicesJourneyTest {
    static String admin = "Bearer " + DevTokens.staff("admin");
    static String agent = "Bearer " + DevTokens.staff("agent");
    static String partnerId;
    static String partner;
    static String otherPartner;
    static String customerId;
    static String contractId;
    static String sku;
    static String standardPhone;
    static String extendedPhone;
    static JsonPath march;
    static JsonPath april;

    /** A year ahead of the real one: its months are ours to move through. */
    @RegisterExtension
    static final DemoYear demo = new DemoYear();


    static RequestSpecification at(String service, String token) {
        return demo.suite().at(service, token);
    }

    static String month(int m) {
        return YearMonth.of(demo.year(), m).toString();
    }

    static String serial() {
        return Programme.unique("SN");
    }

    /** The partner registers a phone delivered today to its customer and enrols it with the option (P3, E1, E3). */
    static void deliveredAndEnrolled(String serial, String option, String deliveredOn) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("device-registry-service", partner).body("""
                {"serial":"%s","sku":"%s","customerId":"%s","deliveredOn":"%s"}""".formatted(serial, sku, customerId, deliveredOn))
                .post("/devices").then().statusCode(201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner).body("""
                {"devices":[{"serial":"%s","sku":"%s","option":"%s","deliveredOn":"%s"}]}""".formatted(serial, sku, option, deliveredOn))
                .post("/contracts/" + contractId + "/devices").then().statusCode(201));
    }

    /** The contract's invoice of a month, with its lines, once billing has issued it. */
    static JsonPath invoiceOf(String month) {
        String id = await().atMost(Duration.ofSeconds(90)).until(() -> at("billing-service", partner).queryParam("contractId", contractId)
                .queryParam("month", month).get("/invoices").then().statusCode(200).extract().jsonPath().getList("items.id", String.class),
                ids -> ids.size() == 1).get(0);
        return at("billing-service", partner).get("/invoices/" + id).then().statusCode(200).extract().jsonPath();
    }

    static String line(String serial) {
        return "lines.find { it.serial == '" + serial + "' }.";
    }

    @Test
    @Order(1)
    void P1_P3_E1_aContractStartsMidMarchWithAStandardPhoneAndAnExtendedOneDeliveredTenDaysLater() {
        demo.suite().clockAt(Instant.parse(month(3) + "-10T15:00:00Z"));
        Programme programme = new Programme(demo.suite());
        Programme.Partner invoiced = programme.certifiedPartner("Invoiced partner");
        partnerId = invoiced.id();
        partner = invoiced.token();
        otherPartner = programme.certifiedPartner("Another partner").token();
        customerId = programme.usCustomer(invoiced, "Fabrikam Monthly", null, "America/Chicago");
        contractId = programme.activeContract(invoiced, customerId, 36);
        at("contract-service", partner).get("/contracts/" + contractId).then().statusCode(200)
                .body("activatedOn", equalTo(month(3) + "-10"));
        sku = "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        at("device-registry-service", admin).body("""
                {"sku":"%s","name":"Poly Monthly Phone","family":"CCX","category":"DESK_PHONE","daasEligible":true}""".formatted(sku))
                .post("/models").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner)
                .get("/model-eligibility/" + sku).then().statusCode(200).body("enrollable", equalTo(true)));

        standardPhone = serial();
        deliveredAndEnrolled(standardPhone, "STANDARD", month(3) + "-10");
        demo.suite().clockAt(Instant.parse(month(3) + "-20T15:00:00Z"));
        extendedPhone = serial();
        deliveredAndEnrolled(extendedPhone, "EXTENDED", month(3) + "-20");

        // billing learns the contract and both periods from contract-service's events
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("billing-service", partner).get("/billing-accounts/" + contractId)
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("activatedOn", equalTo(month(3) + "-10"))
                .body("devices", hasSize(2))
                .body("devices.find { it.serial == '" + extendedPhone + "' }.coverageStart", equalTo(month(3) + "-20")));
        assertThat(at("billing-service", partner).queryParam("contractId", contractId).get("/invoices").then().statusCode(200)
                .extract().jsonPath().getList("items")).as("nothing is invoiced before the month ends").isEmpty();
    }

    @Test
    @Order(2)
    void B1_afterTheFirstBusinessDayOfAprilMarchIsInvoicedNumberedAndProratedByDay() {
        demo.suite().clockAt(Instant.parse(month(4) + "-10T16:00:00Z"));
        march = invoiceOf(month(3));
        assertThat(march.getString("number")).matches("NA-" + demo.year() + "-\\d{6}");
        assertThat(march.getString("issuingEntity")).isEqualTo("NA");
        assertThat(march.getString("documentType")).isEqualTo("INVOICE");
        assertThat(march.getString("month")).isEqualTo(month(3));
        assertThat(march.getString("issuedOn")).startsWith(month(4));
        // the standard phone from activation (10 March): 22 of 31 days of 24.90 = 17.67
        assertThat(march.getString(line(standardPhone) + "periodFrom")).isEqualTo(month(3) + "-10");
        assertThat(march.getInt(line(standardPhone) + "days")).isEqualTo(22);
        assertThat(march.getInt(line(standardPhone) + "daysInMonth")).isEqualTo(31);
        assertThat(march.getString(line(standardPhone) + "amount.amount")).isEqualTo("17.67");
        // the extended phone from its delivery (20 March, P3): 12 of 31 days of 24.90 + 3.50 = 10.99
        assertThat(march.getInt(line(extendedPhone) + "days")).isEqualTo(12);
        assertThat(march.getString(line(extendedPhone) + "extendedFee.amount")).isEqualTo("3.50");
        assertThat(march.getString(line(extendedPhone) + "amount.amount")).isEqualTo("10.99");
        assertThat(march.getList("lines.rules")).containsOnly(List.of("B1"));
        assertThat(march.getString("total.amount")).as("the sum of the rounded lines").isEqualTo("28.66");
        assertThat(march.getString("total.currency")).isEqualTo("USD");
    }

    @Test
    @Order(3)
    void B1_B3_inMayAprilIsAFullMonthOnTheNextNumber_andMarchIsNeverInvoicedTwice() {
        demo.suite().clockAt(Instant.parse(month(5) + "-10T16:00:00Z"));
        april = invoiceOf(month(4));
        assertThat(april.getInt(line(standardPhone) + "days")).isEqualTo(30);
        assertThat(april.getString(line(standardPhone) + "amount.amount")).isEqualTo("24.90");
        assertThat(april.getString(line(extendedPhone) + "amount.amount")).isEqualTo("28.40");
        assertThat(april.getString("total.amount")).isEqualTo("53.30");
        int marchNumber = Integer.parseInt(march.getString("number").substring(("NA-" + demo.year() + "-").length()));
        int aprilNumber = Integer.parseInt(april.getString("number").substring(("NA-" + demo.year() + "-").length()));
        assertThat(aprilNumber).as("numbered in issue order in the NA sequence of the year").isGreaterThan(marchNumber);
        assertThat(at("billing-service", partner).queryParam("contractId", contractId).queryParam("month", month(3))
                .get("/invoices").then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
        // March's invoice is as it was issued
        JsonPath marchAgain = invoiceOf(month(3));
        assertThat(marchAgain.getString("number")).isEqualTo(march.getString("number"));
        assertThat(marchAgain.getString("total.amount")).isEqualTo("28.66");
        assertThat(marchAgain.getString("status")).isEqualTo("ISSUED");
    }

    @Test
    @Order(4)
    void B1_thePartnersErpExportsEachMonthInTheDocumentedColumns_andSeesOnlyItsOwnInvoices() {
        String csv = at("billing-service", partner).queryParam("format", "csv").get("/invoice-exports/" + month(3))
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        String[] rows = csv.split("\r\n");
        List<String> header = Arrays.asList(rows[0].split(","));
        assertThat(header).startsWith("invoice_number", "document_type", "issuing_entity", "invoice_id", "issued_on",
                "invoice_month", "partner_id", "customer_id", "contract_id", "currency", "invoice_total", "line_no", "line_kind",
                "rule_ids").contains("line_amount", "corrects_month");
        assertThat(rows).as("header + the two lines of March: only this partner's invoices").hasSize(3);
        for (int r = 1; r < rows.length; r++) {
            List<String> row = Arrays.asList(rows[r].split(",", -1));
            assertThat(row.get(header.indexOf("invoice_number"))).isEqualTo(march.getString("number"));
            assertThat(row.get(header.indexOf("partner_id"))).isEqualTo(partnerId);
            assertThat(row.get(header.indexOf("invoice_total"))).isEqualTo("28.66");
        }
        assertThat(csv).contains(",17.67,").contains(",10.99,");

        String jsonl = at("billing-service", partner).queryParam("format", "jsonl").get("/invoice-exports/" + month(4))
                .then().statusCode(200).extract().asString();
        List<JsonPath> lines = Arrays.stream(jsonl.split("\n")).map(JsonPath::from).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines).allSatisfy(l -> assertThat(l.getString("invoice_number")).isEqualTo(april.getString("number")));
        assertThat(lines.stream().map(l -> l.getString("line_amount"))).containsExactlyInAnyOrder("24.90", "28.40");

        // another partner never sees them, and naming this partner is refused
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("billing-service", otherPartner)
                .get("/invoices/" + march.getString("id")).then().statusCode(404).contentType("application/problem+json"));
        at("billing-service", otherPartner).queryParam("partnerId", partnerId).get("/invoice-exports/" + month(3))
                .then().statusCode(404).contentType("application/problem+json");
        assertThat(at("billing-service", otherPartner).get("/invoice-exports/" + month(3)).then().statusCode(200).extract()
                .asString()).doesNotContain(partnerId).doesNotContain(contractId);
        at("billing-service", partner).get("/invoice-exports/" + demo.year() + "-13").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    @Order(5)
    void B1_theYearsNumbersOfTheIssuingEntityHaveNoGap() {
        List<String> numbers = new ArrayList<>();
        String cursor = null;
        do {
            var request = at("billing-service", agent).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/invoices").then().statusCode(200).extract().jsonPath();
            numbers.addAll(page.getList("items.number", String.class));
            cursor = page.getString("cursor");
        } while (cursor != null);
        List<Integer> ours = numbers.stream().filter(n -> n.startsWith("NA-" + demo.year() + "-"))
                .map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1))).sorted().toList();
        assertThat(ours).isNotEmpty();
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i)).as("NA-%d numbers are 1..N", demo.year()).isEqualTo(i + 1);
        }
    }
}
