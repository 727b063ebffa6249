package com.poly.daas.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.system.Programme.Partner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 1: Poly catalogues its models and certifies a partner (P1); the partner sells a contract to its customer in
 * North America (P2) with standard and extended devices (E1, E3); each device's period starts on the delivery date the
 * distributor reported (P3); a customer outside the regions is refused (P2). Through the HTTP APIs only.
 */
@ExtendWith(RunningSuite.Resolver.class)
class PartnerSellsCoverageJourneyTest {
    static Programme programme;

    @BeforeAll
    static void start(RunningSuite running) {
        programme = new Programme(running);
    }

    @Test
    void P1_P2_P3_E1_E3_aCertifiedPartnerSellsStandardAndExtendedCoverageThatStartsOnDelivery() {
        // Poly's catalogue: a voice model (desk phone) and a non-voice one (video bar); contract-service learns both
        String phone = programme.catalogue("Poly Journey Desk Phone", "DESK_PHONE");
        String videoBar = programme.catalogue("Poly Journey Video Bar", "VIDEO");
        programme.at("contract-service", Programme.ADMIN).get("/model-eligibility/" + videoBar).then().statusCode(200)
                .body("voice", equalTo(false));

        // P1: only a certified partner sells; a suspended one creates no contract
        Partner partner = programme.certifiedPartner("Northwind Journeys");
        Partner suspended = programme.certifiedPartner("Suspended Journeys");
        String suspendedCustomer = programme.usCustomer(suspended, "Fabrikam Journeys");
        String etag = programme.at("contract-service", Programme.ADMIN).get("/partners/" + suspended.id()).then()
                .statusCode(200).extract().header("ETag");
        programme.at("contract-service", Programme.ADMIN).header("If-Match", etag).body("""
                {"status":"SUSPENDED","certifiedFrom":"2000-01-01","certifiedUntil":"2099-12-31"}""")
                .put("/partners/" + suspended.id() + "/certification").then().statusCode(200).body("activeToday", equalTo(false));
        programme.at("contract-service", suspended.token()).body("""
                {"customerId":"%s","termMonths":36,"monthlyFee":{"amount":"24.90","currency":"USD"},
                 "extendedCoverageFee":{"amount":"3.50","currency":"USD"}}""".formatted(suspendedCustomer))
                .post("/contracts").then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("P1"));

        // P2: a customer in Brazil is refused, naming the rule and the field; nothing is created
        programme.at("contract-service", partner.token()).body("""
                {"legalName":"Contoso Brasil","country":"BR","timeZone":"America/Sao_Paulo"}""")
                .post("/customers").then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("P2")).body("errors.field", hasItem("country"));
        programme.at("contract-service", partner.token()).get("/customers").then().statusCode(200)
                .body("items.legalName", not(hasItem("Contoso Brasil")));

        // the partner's customer in New York, and a 36-month contract, activated
        String customer = programme.usCustomer(partner, "Contoso Journeys");
        String contract = programme.activeContract(partner, customer, 36);

        // the partner registers what the distributor delivers: a phone delivered on 5 October, a phone still on its
        // way, and a video bar delivered on 12 October
        String deliveredPhone = programme.register(partner, customer, phone, "2026-10-05");
        String phoneOnItsWay = programme.register(partner, customer, phone, null);
        String deliveredVideoBar = programme.register(partner, customer, videoBar, "2026-10-12");

        // E3: the extended option is for voice devices only
        programme.enrol(partner, contract, deliveredVideoBar, videoBar, "EXTENDED").statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("E3"));

        // P3: the delivered phone (extended) is covered from its delivery day for 36 months, end exclusive
        programme.enrol(partner, contract, deliveredPhone, phone, "EXTENDED").statusCode(201)
                .body("devices[0].option", equalTo("EXTENDED")).body("devices[0].status", equalTo("COVERED"))
                .body("devices[0].period.start", equalTo("2026-10-05")).body("devices[0].period.end", equalTo("2029-10-05"));
        // the video bar takes the standard option
        programme.enrol(partner, contract, deliveredVideoBar, videoBar, "STANDARD").statusCode(201)
                .body("devices[0].status", equalTo("COVERED")).body("devices[0].period.start", equalTo("2026-10-12"));
        // P3: the phone on its way is enrolled at the sale but has no period until its delivery is reported
        programme.enrol(partner, contract, phoneOnItsWay, phone, "EXTENDED").statusCode(201)
                .body("devices[0].status", equalTo("AWAITING_DELIVERY")).body("devices[0].period", nullValue());
        programme.at("contract-service", partner.token()).queryParam("serial", phoneOnItsWay).queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then()
                .statusCode(200).body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("AWAITING_DELIVERY"));

        // E1: the option is chosen at the sale, never added later
        programme.at("contract-service", partner.token()).body("{\"option\":\"EXTENDED\"}")
                .put("/contracts/" + contract + "/devices/" + deliveredVideoBar + "/option").then().statusCode(409)
                .contentType("application/problem+json").body("rule", equalTo("E1"));

        // P3: the distributor's delivery date, reported in the registry, starts the phone's period in contract-service
        String deviceTag = programme.at("device-registry-service", partner.token()).get("/devices/" + phoneOnItsWay).then()
                .statusCode(200).body("deliveredOn", nullValue()).extract().header("ETag");
        programme.at("device-registry-service", partner.token()).header("If-Match", deviceTag)
                .body("{\"deliveredOn\":\"2026-11-02\"}").put("/devices/" + phoneOnItsWay + "/delivery").then().statusCode(200).body("deliveredOn", equalTo("2026-11-02"));
        await().atMost(Programme.EVENTS).untilAsserted(() -> programme.at("contract-service", partner.token())
                .queryParam("serial", phoneOnItsWay).queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then().statusCode(200)
                .body("decision", equalTo("COVERED")).body("period.start", equalTo("2026-11-02"))
                .body("period.end", equalTo("2029-11-02")).body("option", equalTo("EXTENDED")));
        // and not a day before it
        programme.at("contract-service", partner.token()).queryParam("serial", phoneOnItsWay).queryParam("on", "2026-11-01")
                .queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then().statusCode(200).body("decision", equalTo("NOT_COVERED"))
                .body("reason", equalTo("BEFORE_PERIOD"));

        // the contract lists its three devices, each with its option
        programme.at("contract-service", partner.token()).get("/contracts/" + contract + "/devices").then().statusCode(200)
                .body("items.size()", equalTo(3))
                .body("items.find { it.serial == '%s' }.option".formatted(deliveredVideoBar), equalTo("STANDARD"));
    }
}
