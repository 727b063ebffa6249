package com.poly.daas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.devstack.DevTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Journey 3 (issues 11 and 14): an advance replacement whose defective unit never comes back ends as exactly one
 * charge line, at the list price in force, on the customer's next monthly invoice (A3, A4, B2, B3, P4). Driven through
 * the five running services' HTTP APIs only; the demo clock of every service moves the days and months.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NeverReturnedUnitJourneyTest {
    static String admin = "Bearer " + DevTokens.staff("admin");
    static String agent = "Bearer " + DevTokens.staff("agent");
    static String partner;
    static String customerId;
    static String contractId;
    static String sku;
    static String device;
    static String spare;
    static String rmaId;
    static JsonPath charge;
    static JsonPath invoice;

    /** A year ahead of the real one: its months are ours to move through. */
    @RegisterExtension
    static final DemoYear demo = new DemoYear();


    static RequestSpecification at(String service, String token) {
        return demo.suite().at(service, token);
    }

    static String serial() {
        return Programme.unique("SN");
    }

    /** The contract's invoice of a month, with its lines, once billing has issued it. */
    static JsonPath invoiceOf(YearMonth month) {
        String id = await().atMost(Duration.ofSeconds(90)).until(() -> at("billing-service", partner).queryParam("contractId", contractId)
                .queryParam("month", month.toString()).get("/invoices").then().statusCode(200).extract().jsonPath()
                .getList("items.id", String.class), ids -> ids.size() == 1).get(0);
        return at("billing-service", partner).get("/invoices/" + id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void P1_P3_A4_aPartnersCustomerHasACoveredPhoneWhoseModelHasAListPrice() {
        demo.suite().clockAt(Instant.parse(demo.year() + "-06-07T14:00:00Z"));
        Programme programme = new Programme(demo.suite());
        Programme.Partner forgetful = programme.certifiedPartner("Forgetful partner");
        partner = forgetful.token();
        customerId = programme.usCustomer(forgetful, "Northwind Unreturned", null, "America/New_York");
        contractId = programme.activeContract(forgetful, customerId, 36);

        sku = "N" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        at("device-registry-service", admin).body("""
                {"sku":"%s","name":"Poly Unreturned Phone","family":"CCX","category":"DESK_PHONE","daasEligible":true}""".formatted(sku))
                .post("/models").then().statusCode(201);
        // A4: the published catalogue: 189.00 in force this year; a later price never re-prices a charge (B2)
        at("device-registry-service", admin).body("""
                {"priceList":"NA-USD","price":{"amount":"189.00","currency":"USD"},"validFrom":"%d-01-01"}""".formatted(demo.year()))
                .post("/models/" + sku + "/prices").then().statusCode(201);
        at("device-registry-service", admin).body("""
                {"priceList":"NA-USD","price":{"amount":"205.00","currency":"USD"},"validFrom":"%d-01-01"}""".formatted(demo.year() + 1))
                .post("/models/" + sku + "/prices").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner)
                .get("/model-eligibility/" + sku).then().statusCode(200).body("enrollable", equalTo(true)));

        device = serial();
        spare = serial();
        String today = demo.year() + "-06-07";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("device-registry-service", partner).body("""
                {"serial":"%s","sku":"%s","customerId":"%s","deliveredOn":"%s"}""".formatted(device, sku, customerId, today))
                .post("/devices").then().statusCode(201));
        at("device-registry-service", partner).body("""
                {"serial":"%s","sku":"%s","customerId":"%s"}""".formatted(spare, sku, customerId)).post("/devices").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner).body("""
                {"devices":[{"serial":"%s","sku":"%s","option":"STANDARD","deliveredOn":"%s"}]}""".formatted(device, sku, today))
                .post("/contracts/" + contractId + "/devices").then().statusCode(201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).get("/coverage/" + device)
                .then().statusCode(200).body("covered", equalTo(true)));
    }

    @Test
    @Order(2)
    void S3_A1_theHandsetFailsTheTicketIsTriagedAndTheReplacementShipsAndIsDelivered() {
        String ticketId = await().atMost(Duration.ofSeconds(60)).until(() -> at("ticket-service", partner).body("""
                {"customerId":"%s","serial":"%s","subject":"Handset dead","description":"No power after a firmware update."}"""
                .formatted(customerId, device)).post("/tickets").then().extract(), r -> r.statusCode() == 201).path("id");
        at("ticket-service", agent).header("If-Match", "\"0\"")
                .body("{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"HARDWARE_FAILURE\",\"note\":\"Main board dead\"}")
                .post("/tickets/" + ticketId + "/triage").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", partner).queryParam("serial", device)
                .get("/rmas").then().statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("AUTHORISED")));
        rmaId = at("rma-service", partner).queryParam("serial", device).get("/rmas").then().extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).header("If-Match", "\"0\"")
                .body("{\"replacementSerial\":\"" + spare + "\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + spare + "\"}")
                .post("/rmas/" + rmaId + "/shipment").then().statusCode(200).body("status", equalTo("SHIPPED")));
        at("rma-service", agent).header("If-Match", "\"1\"").body("{}").post("/rmas/" + rmaId + "/delivery").then().statusCode(200)
                .body("status", equalTo("DELIVERED")).body("businessDaysLeft", equalTo(10));
    }

    @Test
    @Order(3)
    void A3_A4_B2_theUnitNeverComesBack_tenBusinessDaysLaterItIsChargedOnceAtTheListPriceInForce() {
        demo.suite().advanceClocks(Duration.ofDays(20));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).get("/rmas/" + rmaId)
                .then().statusCode(200).body("status", equalTo("OVERDUE")));
        // rma-service publishes ReturnOverdue; billing raises the unreturned-unit charge from it (B3: once)
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> at("billing-service", partner).queryParam("rmaId", rmaId)
                .queryParam("cause", "UNRETURNED_UNIT").get("/charges").then().statusCode(200).body("items", hasSize(1))
                .body("items[0].status", equalTo("APPROVED")));
        charge = at("billing-service", partner).queryParam("rmaId", rmaId).queryParam("cause", "UNRETURNED_UNIT").get("/charges")
                .then().extract().jsonPath().setRootPath("items[0]");
        assertThat(charge.getString("cause")).isEqualTo("UNRETURNED_UNIT");
        assertThat(charge.getString("serial")).isEqualTo(device);
        assertThat(charge.getString("contractId")).isEqualTo(contractId);
        assertThat(charge.getString("amount.amount")).as("the list price in force on the first overdue day").isEqualTo("189.00");
        assertThat(charge.getString("amount.currency")).isEqualTo("USD");
        assertThat(charge.getString("priceList")).isEqualTo("NA-USD");
        assertThat(charge.getString("priceValidFrom")).isEqualTo(demo.year() + "-01-01");
        assertThat(charge.getList("rules")).containsExactly("A4", "B2", "B3");
        // one RMA for one device is above the 2 % threshold too: an E5 charge waits for an agent, never billed by itself
        at("billing-service", partner).queryParam("rmaId", rmaId).queryParam("cause", "EXCESS_RMA").get("/charges").then()
                .statusCode(200).body("items.status", everyItem(equalTo("PENDING")));
    }

    @Test
    @Order(4)
    void B1_B2_P4_theNextMonthlyInvoiceCarriesExactlyOneChargeLine_andTheReplacementIsBilledFromItsShipDay() {
        YearMonth arose = YearMonth.from(LocalDate.parse(charge.getString("aroseOn")));
        demo.suite().clockAt(Instant.parse(arose.plusMonths(1) + "-10T16:00:00Z"));
        invoice = invoiceOf(arose);
        List<String> chargeLines = invoice.getList("lines.findAll { it.kind == 'CHARGE' }.rmaId", String.class);
        assertThat(chargeLines).containsExactly(rmaId);
        String line = "lines.find { it.kind == 'CHARGE' }.";
        assertThat(invoice.getString(line + "amount.amount")).isEqualTo("189.00");
        assertThat(invoice.getString(line + "serial")).isEqualTo(device);
        assertThat(invoice.getString(line + "chargeId")).isEqualTo(charge.getString("id"));
        assertThat(invoice.getList(line + "rules", String.class)).contains("A4", "B2");
        assertThat(invoice.getString("number")).matches("NA-" + demo.year() + "-\\d{6}");
        // P4: the replacement takes over from the day it shipped; no day of the month is billed twice
        assertThat(invoice.getList("lines.find { it.serial == '" + spare + "' && it.kind == 'DEVICE' }.rules", String.class))
                .containsExactly("B1", "P4");
        int billedDays = invoice.getList("lines.findAll { it.kind == 'DEVICE' }.days", Integer.class).stream().mapToInt(i -> i).sum();
        assertThat(billedDays).isLessThanOrEqualTo(arose.lengthOfMonth());
        at("billing-service", partner).get("/charges/" + charge.getString("id")).then().statusCode(200)
                .body("status", equalTo("INVOICED")).body("invoiceId", equalTo(invoice.getString("id")))
                .body("invoiceMonth", equalTo(arose.toString()));
    }

    @Test
    @Order(5)
    void B3_theMonthAfterTheChargeIsNotBilledAgain() {
        YearMonth arose = YearMonth.from(LocalDate.parse(charge.getString("aroseOn")));
        demo.suite().clockAt(Instant.parse(arose.plusMonths(2) + "-10T16:00:00Z"));
        JsonPath next = invoiceOf(arose.plusMonths(1));
        assertThat(next.getList("lines.kind", String.class)).doesNotContain("CHARGE").contains("DEVICE");
        assertThat(at("billing-service", partner).queryParam("rmaId", rmaId).queryParam("cause", "UNRETURNED_UNIT").get("/charges")
                .then().statusCode(200).extract().jsonPath().getList("items")).hasSize(1);
        at("billing-service", partner).get("/charges/" + charge.getString("id")).then().statusCode(200)
                .body("invoiceId", equalTo(invoice.getString("id")));
    }
}
