package com.poly.daas.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.system.Programme.Partner;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 4: what the coverage takes and what it costs. A spill on a standard device is refused, on an extended voice
 * device it is covered, a fire never is (E2-E4); the customer's RMAs then cross the annual 2 % threshold (E5): each RMA
 * beyond it is a pending charge that an agent approves (it goes on the next monthly invoice, B2) or waives (never
 * invoiced). Through the HTTP APIs only.
 *
 * <p>It runs in its own January (the demo clock of all five services, issue 14): in January the installed base is the
 * day's count, so with 50 devices one RMA is exactly 2 % (not above) and the second is above; and the month it
 * invoices is one no other journey invoices. The clock is reset when the class ends.
 */
@ExtendWith(RunningSuite.Resolver.class)
class DamageAndRmaThresholdJourneyTest {
    static final String JANUARY = "2028-01";
    static Programme programme;

    @BeforeAll
    static void start(RunningSuite running) {
        programme = new Programme(running);
        programme.clock("{\"set\":\"2028-01-11T15:00:00Z\"}"); // a Tuesday, 10:00 in New York
    }

    @AfterAll
    static void realTimeAgain() {
        if (programme != null) {
            programme.clock("{\"reset\":true}");
        }
    }

    @Test
    void E2_E3_E4_E5_B2_spillsNeedTheExtendedOptionFireIsNeverCoveredAndRmasAboveTwoPercentAreChargedOnlyOnceApproved() {
        // Poly's desk phone, list price USD 199.00 (A4/B2), and a partner's customer with 50 phones under contract
        String phone = programme.catalogue("Poly Journey Desk Phone", "DESK_PHONE");
        programme.listPrice(phone, "199.00", "2027-12-01");
        Partner partner = programme.certifiedPartner("Damage Journeys");
        String customer = programme.usCustomer(partner, "Contoso Damage");
        String contract = programme.activeContract(partner, customer, 36);
        List<String> phones = programme.registerMany(partner, customer, phone, 50, "2027-12-01");
        String standardPhone = phones.get(0);
        String extendedPhone = phones.get(1);
        programme.enrol(partner, contract, standardPhone, phone, "STANDARD").statusCode(201);
        StringBuilder extended = new StringBuilder();
        for (String serial : phones.subList(1, phones.size())) {
            extended.append(extended.isEmpty() ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","option":"EXTENDED"}""".formatted(serial, phone));
        }
        // contract-service learns the 50 registrations from the registry's events (seconds): all or nothing
        await().atMost(Programme.EVENTS).untilAsserted(() -> programme.at("contract-service", partner.token())
                .body("{\"devices\":[" + extended + "]}").post("/contracts/" + contract + "/devices").then()
                .statusCode(201).body("devices", hasSize(49)));
        // rma-service counts the installed base from the enrolments it learnt (E5): 50 devices today
        await().atMost(Programme.EVENTS).untilAsserted(() -> rate(partner, customer)
                .body("installedBase", equalTo("50.0000")).body("rmasAuthorised", equalTo(0)));

        // E2: a coffee spill on the standard phone: the ticket's RMA is refused, naming the rule
        String refusedTicket = spillTicketTriaged(partner, customer, standardPhone);
        await().atMost(Programme.EVENTS).untilAsserted(() -> ticket(partner, refusedTicket)
                .body("rmaStatus", equalTo("REFUSED"))
                .body("timeline.find { it.step == 'RMA_REFUSED' }.rule", equalTo("E2")));

        // E2, E3: the same spill on an extended phone (a voice device) is covered: the RMA is authorised
        String coveredTicket = spillTicketTriaged(partner, customer, extendedPhone);
        await().atMost(Programme.EVENTS).untilAsserted(() -> ticket(partner, coveredTicket)
                .body("rmaStatus", equalTo("AUTHORISED")));

        // E4: a fire is never covered, even with the extended option
        rmaByAgent(partner, phones.get(2), "FIRE").statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("E4"));

        // E5: one authorised RMA for 50 devices is exactly 2 %: not above the threshold, nothing to charge
        await().atMost(Programme.EVENTS).untilAsserted(() -> rate(partner, customer)
                .body("rmasAuthorised", equalTo(1)).body("ratePercent", equalTo("2.00")).body("aboveThreshold", equalTo(false)));

        // E5: two more hardware failures take the rate above 2 %: each is a PENDING charge at the list price (B2)
        String approvedRma = rmaByAgent(partner, phones.get(3), "HARDWARE_FAILURE").statusCode(201).extract().path("id");
        String waivedRma = rmaByAgent(partner, phones.get(4), "HARDWARE_FAILURE").statusCode(201).extract().path("id");
        await().atMost(Programme.EVENTS).untilAsserted(() -> rate(partner, customer)
                .body("rmasAuthorised", equalTo(3)).body("ratePercent", equalTo("6.00")).body("aboveThreshold", equalTo(true)));
        JsonPath toApprove = pendingChargeOf(customer, approvedRma);
        JsonPath toWaive = pendingChargeOf(customer, waivedRma);
        assertThat(toApprove.getString("amount.amount")).isEqualTo("199.00");
        assertThat(toApprove.getList("rules", String.class)).contains("E5", "B2");
        // never billed automatically: the partner sees both as pending
        programme.at("billing-service", partner.token()).queryParam("customerId", customer).queryParam("status", "PENDING")
                .get("/charges").then().statusCode(200).body("items", hasSize(2));

        // an agent approves the first and waives the second, each with the reason
        decide(toApprove.getString("id"), "approval", "Customer above the 2 % RMA rate; charge agreed with the partner")
                .body("status", equalTo("APPROVED"));
        decide(toWaive.getString("id"), "waiver", "Goodwill: new site roll-out").body("status", equalTo("WAIVED"));

        // February: January has ended, billing invoices it; the approved charge is on the invoice, the waived one never
        programme.clock("{\"set\":\"2028-02-01T12:00:00Z\"}");
        approvedChargeInvoicedWaivedNever(partner, contract, approvedRma, waivedRma, extendedPhone);
    }

    /**
     * The invoice steps in one place: January has ended, so billing invoices it (its scheduled run on the first business
     * day, or the run an admin starts on demand: either way once per contract and month, B1, B3); the contract's
     * January invoice carries the approved E5 charge as a line at the list price (B2) and the devices' prorated fees
     * (B1), never the waived charge; the charges show it.
     */
    private static void approvedChargeInvoicedWaivedNever(Partner partner, String contract, String approvedRma,
                                                          String waivedRma, String extendedPhone) {
        programme.at("billing-service", Programme.ADMIN).header("Idempotency-Key", UUID.randomUUID().toString())
                .body("{\"month\":\"" + JANUARY + "\"}").post("/invoice-runs").then().statusCode(202)
                .body("month", equalTo(JANUARY));
        String invoiceId = await().atMost(java.time.Duration.ofSeconds(90)).until(() -> programme.at("billing-service", partner.token())
                .queryParam("contractId", contract).queryParam("month", JANUARY).get("/invoices").then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class), ids -> ids.size() == 1).get(0);
        JsonPath invoice = programme.at("billing-service", partner.token()).get("/invoices/" + invoiceId).then().statusCode(200)
                .extract().jsonPath();
        List<String> chargedRmas = invoice.getList("lines.findAll { it.kind == 'CHARGE' }.rmaId", String.class);
        assertThat(chargedRmas).containsExactly(approvedRma);
        assertThat(invoice.getString("lines.find { it.kind == 'CHARGE' }.amount.amount")).isEqualTo("199.00");
        assertThat(invoice.getList("lines.find { it.kind == 'CHARGE' }.rules", String.class)).contains("E5");
        assertThat(invoice.getList("lines.rmaId", String.class)).doesNotContain(waivedRma);
        // B1: an extended phone from the activation day (11 January): (24.90 + 3.50) x 21 / 31 days
        assertThat(invoice.getString("lines.find { it.serial == '%s' && it.kind == 'DEVICE' }.amount.amount"
                .formatted(extendedPhone))).isEqualTo("19.24");
        programme.at("billing-service", partner.token()).queryParam("rmaId", approvedRma).get("/charges").then().statusCode(200)
                .body("items[0].status", equalTo("INVOICED")).body("items[0].invoiceId", equalTo(invoiceId));
        programme.at("billing-service", partner.token()).queryParam("rmaId", waivedRma).get("/charges").then().statusCode(200)
                .body("items[0].status", equalTo("WAIVED")).body("items[0].invoiceId", equalTo(null));
    }

    private static io.restassured.response.ValidatableResponse rate(Partner partner, String customer) {
        return programme.at("rma-service", partner.token()).get("/customers/" + customer + "/rma-rates/2028").then()
                .statusCode(200);
    }

    /** The partner opens a ticket for a phone; an agent triages it as a liquid spill (S3, E2). */
    private static String spillTicketTriaged(Partner partner, String customer, String serial) {
        String ticketId = await().atMost(Programme.EVENTS).until(() -> programme.at("ticket-service", partner.token()).body("""
                {"customerId":"%s","serial":"%s","subject":"Coffee spilled on the phone",
                 "description":"Keypad dead after a coffee spill; the partner checked power and cabling."}""".formatted(customer, serial))
                .post("/tickets").then().extract(), r -> r.statusCode() == 201).path("id");
        programme.at("ticket-service", Programme.AGENT).header("If-Match", "\"0\"")
                .body("{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"LIQUID_SPILL\",\"note\":\"Liquid inside the keypad\"}")
                .post("/tickets/" + ticketId + "/triage").then().statusCode(200);
        return ticketId;
    }

    private static io.restassured.response.ValidatableResponse ticket(Partner partner, String ticketId) {
        return programme.at("ticket-service", partner.token()).get("/tickets/" + ticketId).then().statusCode(200);
    }

    /** An agent opens an RMA for the partner's phone (A1), after the coverage replica knows it. */
    private static io.restassured.response.ValidatableResponse rmaByAgent(Partner partner, String serial, String cause) {
        programme.awaitRmaServiceKnowsCoverage(serial);
        return programme.at("rma-service", Programme.AGENT).header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"partnerId":"%s","serial":"%s","cause":"%s","reason":"Journey 4: reported by the partner by phone",
                 "shipTo":{"country":"US","subdivision":"NY","timeZone":"America/New_York"}}""".formatted(partner.id(), serial, cause))
                .post("/rmas").then();
    }

    /** E5: the agents' queue shows the RMA's charge, PENDING (never billed automatically). */
    private static JsonPath pendingChargeOf(String customer, String rmaId) {
        await().atMost(Programme.EVENTS).untilAsserted(() -> programme.at("billing-service", Programme.AGENT)
                .queryParam("customerId", customer).queryParam("status", "PENDING").get("/charge-queue").then().statusCode(200)
                .body("items.rmaId", hasItem(rmaId)));
        return programme.at("billing-service", Programme.AGENT).queryParam("rmaId", rmaId).get("/charges").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].status", equalTo("PENDING"))
                .body("items[0].cause", equalTo("EXCESS_RMA")).extract().jsonPath().setRootPath("items[0]");
    }

    private static io.restassured.response.ValidatableResponse decide(String chargeId, String decision, String reason) {
        String etag = programme.at("billing-service", Programme.AGENT).get("/charges/" + chargeId).then().statusCode(200)
                .extract().header("ETag");
        return programme.at("billing-service", Programme.AGENT).header("If-Match", etag)
                .body("{\"reason\":\"" + reason + "\"}").post("/charges/" + chargeId + "/" + decision).then().statusCode(200);
    }
}
