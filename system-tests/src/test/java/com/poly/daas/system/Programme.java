package com.poly.daas.system;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.devstack.DevTokens;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.UUID;

/**
 * The actions the journeys share, each as the actor does it through the public HTTP APIs: Poly's admins (catalogue,
 * partners), a partner's ERP (customers, contracts, devices) and Poly's agents. Nothing here reads a database or a
 * topic: a journey sees what a partner or an agent would see.
 */
final class Programme {
    static final Duration EVENTS = Duration.ofSeconds(60);
    static final String ADMIN = "Bearer " + DevTokens.staff("admin");
    static final String AGENT = "Bearer " + DevTokens.staff("agent");

    private final RunningSuite running;

    Programme(RunningSuite running) {
        this.running = running;
    }

    /** A certified partner's ERP, with its bearer token. */
    record Partner(String id, String token) {
    }

    RequestSpecification at(String service, String token) {
        return running.at(service, token);
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** Poly adds a model to the catalogue (registry) and contract-service learns it from the registry's events. */
    String catalogue(String name, String category) {
        String sku = unique("J");
        at("device-registry-service", ADMIN).body("""
                {"sku":"%s","name":"%s","family":"JOURNEY","category":"%s","daasEligible":true}""".formatted(sku, name, category))
                .post("/models").then().statusCode(201);
        await().atMost(EVENTS).untilAsserted(() -> at("contract-service", ADMIN).get("/model-eligibility/" + sku)
                .then().statusCode(200).body("enrollable", equalTo(true)));
        return sku;
    }

    /** Poly publishes the model's list price in the North American USD list (A4, B2), in force from {@code validFrom}. */
    void listPrice(String sku, String amount, String validFrom) {
        at("device-registry-service", ADMIN).body("""
                {"priceList":"NA-USD","price":{"amount":"%s","currency":"USD"},"validFrom":"%s"}""".formatted(amount, validFrom))
                .post("/models/" + sku + "/prices").then().statusCode(201);
    }

    /** Poly certifies a partner (P1); the partner's ERP then holds a token with its partner id. */
    Partner certifiedPartner(String name) {
        String id = unique("P-J");
        at("contract-service", ADMIN).body("""
                {"id":"%s","name":"%s","certificationStatus":"ACTIVE","certifiedFrom":"2000-01-01","certifiedUntil":"2099-12-31"}"""
                .formatted(id, name)).post("/partners").then().statusCode(201).body("activeToday", equalTo(true));
        return new Partner(id, "Bearer " + DevTokens.partner(id));
    }

    /** The partner adds its customer, in New York (P2: North America). */
    String usCustomer(Partner partner, String legalName) {
        return usCustomer(partner, legalName, "US-NY", "America/New_York");
    }

    /** The partner adds its US customer (P2: North America); {@code subdivision} null: the federal calendar only. */
    String usCustomer(Partner partner, String legalName, String subdivision, String timeZone) {
        String state = subdivision == null ? "" : ",\"subdivision\":\"" + subdivision + "\"";
        return at("contract-service", partner.token()).body("""
                {"legalName":"%s","country":"US"%s,"timeZone":"%s"}""".formatted(legalName, state, timeZone))
                .post("/customers").then().statusCode(201).body("region", equalTo("NORTH_AMERICA")).extract().path("id");
    }

    /** The partner drafts a contract (USD 24.90 a month per device, 3.50 more for the extended option) and activates it. */
    String activeContract(Partner partner, String customerId, int termMonths) {
        String contractId = at("contract-service", partner.token()).body("""
                {"customerId":"%s","termMonths":%d,"monthlyFee":{"amount":"24.90","currency":"USD"},
                 "extendedCoverageFee":{"amount":"3.50","currency":"USD"}}""".formatted(customerId, termMonths))
                .post("/contracts").then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("id");
        String etag = at("contract-service", partner.token()).get("/contracts/" + contractId).then().statusCode(200)
                .extract().header("ETag");
        at("contract-service", partner.token()).header("If-Match", etag).post("/contracts/" + contractId + "/activation")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        return contractId;
    }

    /**
     * The partner registers a device for its customer in the registry ({@code deliveredOn} null: not delivered yet).
     * The registry learns the customer from contract-service's events, so the first registration may wait for them.
     */
    String register(Partner partner, String customerId, String sku, String deliveredOn) {
        String serial = unique("SN");
        String delivery = deliveredOn == null ? "" : ",\"deliveredOn\":\"" + deliveredOn + "\"";
        await().atMost(EVENTS).untilAsserted(() -> at("device-registry-service", partner.token()).body("""
                {"serial":"%s","sku":"%s","customerId":"%s"%s}""".formatted(serial, sku, customerId, delivery))
                .post("/devices").then().statusCode(201));
        return serial;
    }

    /** The partner's ERP registers {@code count} devices delivered on {@code deliveredOn} in one bulk call. */
    java.util.List<String> registerMany(Partner partner, String customerId, String sku, int count, String deliveredOn) {
        java.util.List<String> serials = new java.util.ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String serial = unique("SN");
            serials.add(serial);
            rows.append(i == 0 ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","customerId":"%s","deliveredOn":"%s"}""".formatted(serial, sku, customerId, deliveredOn));
        }
        await().atMost(EVENTS).untilAsserted(() -> at("device-registry-service", partner.token())
                .body("{\"devices\":[" + rows + "]}").post("/devices/bulk").then().statusCode(200)
                .body("registered", equalTo(count)));
        return serials;
    }

    /** The partner enrols one registered device under its contract with the option chosen at the sale (E1). */
    io.restassured.response.ValidatableResponse enrol(Partner partner, String contractId, String serial, String sku,
                                                      String option) {
        // contract-service learns the registration from the registry's events (seconds)
        return await().atMost(EVENTS).until(() -> at("contract-service", partner.token()).body("""
                        {"devices":[{"serial":"%s","sku":"%s","option":"%s"}]}""".formatted(serial, sku, option))
                .post("/contracts/" + contractId + "/devices").then(),
                r -> r.extract().statusCode() != 422 || !"device-not-registered".equals(slug(r)));
    }

    private static String slug(io.restassured.response.ValidatableResponse r) {
        String type = r.extract().path("type");
        return type == null ? "" : type.substring(type.lastIndexOf('/') + 1);
    }

    /** rma-service has learnt the enrolment (its coverage replica) and would decide an RMA for the device. */
    void awaitRmaServiceKnowsCoverage(String serial) {
        await().atMost(EVENTS).untilAsserted(() -> at("rma-service", AGENT).get("/coverage/" + serial)
                .then().statusCode(200).body("covered", equalTo(true)));
    }

    /** Moves the demo clock of all five services (issue 14). */
    void clock(String body) {
        running.demoClock(body);
    }
}
