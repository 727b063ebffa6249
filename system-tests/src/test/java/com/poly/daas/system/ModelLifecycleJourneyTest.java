package com.poly.daas.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.poly.daas.system.Programme.Partner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 5: Poly announces the end of sale of a model: from then on new enrolments of it are refused (P6), while the
 * devices already enrolled stay covered to the end of their period (P6 decision); later Poly announces its end of
 * support, which changes nothing for them (P5). Through the HTTP APIs only: the announcements are made in the registry
 * and reach contract-service and rma-service as events.
 */
@ExtendWith(RunningSuite.Resolver.class)
class ModelLifecycleJourneyTest {
    static Programme programme;

    @BeforeAll
    static void start(RunningSuite running) {
        programme = new Programme(running);
    }

    @Test
    void P6_P5_endOfSaleStopsNewEnrolmentsAndNeitherItNorEndOfSupportInterruptsCoverage() {
        String phone = programme.catalogue("Poly Journey Conference Phone", "CONFERENCE_PHONE");
        Partner partner = programme.certifiedPartner("Lifecycle Journeys");
        String customer = programme.usCustomer(partner, "Contoso Lifecycle");
        String contract = programme.activeContract(partner, customer, 36);

        // a phone sold and delivered before the announcement: covered 1 October 2026 - 1 October 2029
        String enrolled = programme.register(partner, customer, phone, "2026-10-01");
        programme.enrol(partner, contract, enrolled, phone, "EXTENDED").statusCode(201)
                .body("devices[0].status", equalTo("COVERED")).body("devices[0].period.end", equalTo("2029-10-01"));
        String sparePhoneInStock = programme.register(partner, customer, phone, "2026-10-01");

        // P6: Poly announces the end of sale in the registry
        String etag = programme.at("device-registry-service", Programme.ADMIN).get("/models/" + phone).then().statusCode(200)
                .extract().header("ETag");
        programme.at("device-registry-service", Programme.ADMIN).header("If-Match", etag)
                .body("{\"announcedOn\":\"2026-11-02\",\"effectiveOn\":\"2027-03-31\"}")
                .post("/models/" + phone + "/end-of-sale").then().statusCode(200).body("enrollable", equalTo(false));
        await().atMost(Programme.EVENTS).untilAsserted(() -> programme.at("contract-service", partner.token())
                .get("/model-eligibility/" + phone).then().statusCode(200).body("enrollable", equalTo(false))
                .body("endOfSaleAnnouncedOn", equalTo("2026-11-02")));

        // P6: a new enrolment of the model is refused with the rule
        programme.enrol(partner, contract, sparePhoneInStock, phone, "STANDARD").statusCode(422)
                .contentType("application/problem+json").body("rule", equalTo("P6"));

        // P6 decision: the phone already enrolled is still covered, for its whole period, in both deciding services
        programme.at("contract-service", partner.token()).queryParam("serial", enrolled).queryParam("on", "2029-09-30")
                .queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then().statusCode(200).body("decision", equalTo("COVERED"))
                .body("period.end", equalTo("2029-10-01"));
        programme.awaitRmaServiceKnowsCoverage(enrolled);

        // P5: Poly announces the end of support, effective during the phone's period: nothing changes for it
        String etagAfterSale = programme.at("device-registry-service", Programme.ADMIN).get("/models/" + phone).then()
                .statusCode(200).extract().header("ETag");
        programme.at("device-registry-service", Programme.ADMIN).header("If-Match", etagAfterSale)
                .body("{\"announcedOn\":\"2026-11-16\",\"effectiveOn\":\"2027-12-31\"}")
                .post("/models/" + phone + "/end-of-support").then().statusCode(200)
                .body("endOfSupportEffectiveOn", equalTo("2027-12-31"));
        // contract-service has the announcement once its coverage answer names P5; the answer stays COVERED
        await().atMost(Programme.EVENTS).untilAsserted(() -> programme.at("contract-service", partner.token())
                .queryParam("serial", enrolled).queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then().statusCode(200)
                .body("rules", hasItem("P5")).body("decision", equalTo("COVERED")));
        for (String day : new String[] {"2028-01-01", "2029-09-30"}) {
            programme.at("contract-service", partner.token()).queryParam("serial", enrolled).queryParam("on", day)
                    .queryParam("cause", "LIQUID_SPILL").get("/coverage").then().statusCode(200)
                    .body("decision", equalTo("COVERED")).body("reason", equalTo("IN_PERIOD"))
                    .body("period.end", equalTo("2029-10-01")).body("rules", hasItem("P5"));
        }
        programme.at("contract-service", partner.token()).queryParam("serial", enrolled).queryParam("on", "2029-10-01")
                .queryParam("cause", "HARDWARE_FAILURE").get("/coverage").then().statusCode(200).body("decision", equalTo("NOT_COVERED"));
        // and an agent can still replace it today (A1): the RMA is authorised
        programme.at("rma-service", Programme.AGENT).body("""
                {"partnerId":"%s","serial":"%s","cause":"HARDWARE_FAILURE","reason":"Journey 5: covered after end of sale and support",
                 "shipTo":{"country":"US","subdivision":"NY","timeZone":"America/New_York"}}""".formatted(partner.id(), enrolled))
                .post("/rmas").then().statusCode(201).body("status", equalTo("AUTHORISED"));
    }
}
