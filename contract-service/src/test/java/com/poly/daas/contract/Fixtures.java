package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Builds partners, customers, contracts and model facts through the API and the broker, with random ids. */
final class Fixtures {
    static final Duration EVENTS = Duration.ofSeconds(30);

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String serial() {
        return id("SN");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON);
    }

    /** A partner certified from 2000 to 2099, so that tests moving the clock stay within its validity. */
    static String partner() {
        String id = id("P-");
        as(Tokens.admin()).body("""
                        {"id":"%s","name":"Test partner","certificationStatus":"ACTIVE","certifiedFrom":"2000-01-01","certifiedUntil":"2099-12-31"}"""
                        .formatted(id))
                .post("/partners").then().statusCode(201);
        return id;
    }

    static String customer(String partnerId, String country) {
        return as(Tokens.partner(partnerId)).body("""
                        {"legalName":"Contoso %s","country":"%s","timeZone":"Europe/Paris"}""".formatted(country, country))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    static String contractBody(String customerId, int term, String currency) {
        return """
                {"customerId":"%s","termMonths":%d,"monthlyFee":{"amount":"24.90","currency":"%s"},
                 "extendedCoverageFee":{"amount":"3.50","currency":"%s"}}""".formatted(customerId, term, currency, currency);
    }

    /** A DRAFT contract of a new US customer of the partner. */
    static String draftContract(String partnerId, int term) {
        String customer = customer(partnerId, "US");
        return as(Tokens.partner(partnerId)).body(contractBody(customer, term, "USD"))
                .post("/contracts").then().statusCode(201).extract().path("id");
    }

    static Response activate(String token, String contractId) {
        String etag = given().header("Authorization", token).get("/contracts/" + contractId).then().statusCode(200)
                .extract().header("ETag");
        return given().header("Authorization", token).header("If-Match", etag).post("/contracts/" + contractId + "/activation");
    }

    static String activeContract(String partnerId, int term) {
        String contract = draftContract(partnerId, term);
        activate(Tokens.partner(partnerId), contract).then().statusCode(200);
        return contract;
    }

    static String device(String serial, String sku, String option, String deliveredOn) {
        return deliveredOn == null
                ? """
                {"serial":"%s","sku":"%s","option":"%s"}""".formatted(serial, sku, option)
                : """
                {"serial":"%s","sku":"%s","option":"%s","deliveredOn":"%s"}""".formatted(serial, sku, option, deliveredOn);
    }

    /**
     * Enrols devices that the partner first registered to the contract's customer in the registry (issue 9: only such
     * serials can be enrolled); the registrations arrive as the registry's events.
     */
    static Response enrol(String partnerId, String contractId, String... devices) {
        String customer = given().header("Authorization", Tokens.partner(partnerId)).get("/contracts/" + contractId)
                .then().statusCode(200).extract().path("customerId");
        for (String device : devices) {
            var json = io.restassured.path.json.JsonPath.from(device);
            registered(json.getString("serial"), json.getString("sku"), partnerId, customer);
        }
        return enrolUnregistered(partnerId, contractId, devices);
    }

    /** The enrolment call alone, for serials registered (or not) by the test itself. */
    static Response enrolUnregistered(String partnerId, String contractId, String... devices) {
        return as(Tokens.partner(partnerId)).body("{\"devices\":[" + String.join(",", devices) + "]}")
                .post("/contracts/" + contractId + "/devices");
    }

    /** The registry's DeviceRegistered for the serial, applied by this service. */
    static void registered(String serial, String sku, String partnerId, String customerId) {
        ProgrammeFacts.registeredDevice(serial, sku, partnerId, customerId);
    }

    /** A model known to this service's replica, through the registry's topic. */
    static String model(String category, boolean voice, boolean daasEligible) {
        String sku = id("M");
        TopicProbe.send(Topics.REGISTRY_MODELS, sku,
                event(new ModelCatalogued(sku, "Poly " + category, "Fam", category, voice, daasEligible), "device-registry-service"));
        await().atMost(EVENTS).untilAsserted(() -> given().header("Authorization", Tokens.agent())
                .get("/model-eligibility/" + sku).then().statusCode(200));
        return sku;
    }

    static String voiceModel() {
        return model("DESK_PHONE", true, true);
    }

    static String videoModel() {
        return model("VIDEO", false, true);
    }

    /** Exactly what another service's outbox writes for the event. */
    static String event(DomainEvent event, String producer) {
        return EventJson.write(EventJson.envelope(event, UUID.randomUUID(), Instant.now(), producer));
    }

    static List<EventEnvelope> contractEvents(String contractId, int atLeast) {
        return TopicProbe.events(Topics.CONTRACTS, contractId, atLeast, EVENTS);
    }

    static Response coverage(String token, String serial, String on, String cause) {
        return given().header("Authorization", token).queryParam("serial", serial).queryParam("on", on)
                .queryParam("cause", cause).get("/coverage");
    }

    private Fixtures() {
    }
}
