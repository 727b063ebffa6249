package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Issue 9: contract-service publishes who owns which customer, and enrols only devices registered to the contract's customer. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TrustBoundaryTest {

    @Test
    void partnersAndCustomersAreEventsTheOtherServicesReplicate() {
        String partner = Fixtures.partner();
        List<EventEnvelope> partnerEvents = TopicProbe.events(Topics.PARTIES, partner, 1, Fixtures.EVENTS);
        assertThat(partnerEvents).extracting(EventEnvelope::type).containsExactly("PartnerRegistered");
        assertThat(partnerEvents.get(0).payload().get("certificationStatus").asText()).isEqualTo("ACTIVE");

        String customer = Fixtures.customer(partner, "US");
        String etag = given().header("Authorization", Tokens.partner(partner)).get("/customers/" + customer).then()
                .statusCode(200).extract().header("ETag");
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", etag).contentType("application/json")
                .body("{\"country\":\"US\",\"subdivision\":\"US-CA\",\"timeZone\":\"America/Los_Angeles\"}")
                .put("/customers/" + customer + "/site").then().statusCode(200).body("timeZone", equalTo("America/Los_Angeles"));
        List<EventEnvelope> customerEvents = TopicProbe.events(Topics.PARTIES, customer, 2, Fixtures.EVENTS);
        assertThat(customerEvents).extracting(EventEnvelope::type).containsExactly("CustomerCreated", "CustomerChanged");
        assertThat(customerEvents.get(1).payload().get("partnerId").asText()).isEqualTo(partner);
        assertThat(customerEvents.get(1).payload().get("subdivision").asText()).isEqualTo("US-CA");
        assertThat(customerEvents.get(1).payload().get("region").asText()).isEqualTo("NORTH_AMERICA");
    }

    @Test
    void P2_aSiteMovesOnlyWithinTheCustomersRegionAndCurrencyAndNeedsIfMatch() {
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner, "US");
        String site = "{\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}";
        given().header("Authorization", Tokens.partner(partner)).contentType("application/json").body(site)
                .put("/customers/" + customer + "/site").then().statusCode(428);
        String etag = given().header("Authorization", Tokens.partner(partner)).get("/customers/" + customer).then()
                .extract().header("ETag");
        given().header("Authorization", Tokens.partner(partner)).header("If-Match", etag).contentType("application/json")
                .body(site).put("/customers/" + customer + "/site").then().statusCode(422).body("rule", equalTo("P2"));
        given().header("Authorization", Tokens.partner(Fixtures.partner())).header("If-Match", etag).contentType("application/json")
                .body("{\"country\":\"US\",\"timeZone\":\"America/Chicago\"}").put("/customers/" + customer + "/site")
                .then().statusCode(404);
        given().header("Authorization", Tokens.partner(partner)).get("/customers/" + customer).then()
                .body("country", equalTo("US")).body("timeZone", equalTo("Europe/Paris")).header("ETag", etag);
    }

    @Test
    void anotherPartnersRegisteredDeviceIsRefusedExactlyAsAnUnknownSerial() {
        String sku = Fixtures.voiceModel();
        String owner = Fixtures.partner();
        String ownersContract = Fixtures.activeContract(owner, 12);
        String ownersCustomer = given().header("Authorization", Tokens.partner(owner)).get("/contracts/" + ownersContract)
                .then().extract().path("customerId");
        String ownersSerial = Fixtures.serial();
        Fixtures.registered(ownersSerial, sku, owner, ownersCustomer);

        String intruder = Fixtures.partner();
        String intrudersContract = Fixtures.activeContract(intruder, 12);
        Response foreign = Fixtures.enrolUnregistered(intruder, intrudersContract, Fixtures.device(ownersSerial, sku, "EXTENDED", null));
        Response unknown = Fixtures.enrolUnregistered(intruder, intrudersContract, Fixtures.device("UNKNOWN-" + ownersSerial, sku, "EXTENDED", null));
        foreign.then().statusCode(422).body("type", endsWith("/device-not-registered"))
                .body("errors[0].field", equalTo("devices[0].serial")).body(not(containsString(owner)));
        assertThat(foreign.asString().replace(ownersSerial, "S"))
                .isEqualTo(unknown.asString().replace("UNKNOWN-" + ownersSerial, "S"));
        // the intruder holds nothing, and the owner still enrols its device
        given().header("Authorization", Tokens.partner(intruder)).get("/contracts/" + intrudersContract + "/devices").then()
                .body("items", hasSize(0));
        Fixtures.enrolUnregistered(owner, ownersContract, Fixtures.device(ownersSerial, sku, "STANDARD", null)).then().statusCode(201);
    }

    @Test
    void aDeviceRegisteredToAnotherCustomerOfTheSamePartnerIsRefusedToo() {
        String sku = Fixtures.voiceModel();
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String otherCustomer = Fixtures.customer(partner, "US");
        String serial = Fixtures.serial();
        Fixtures.registered(serial, sku, partner, otherCustomer);
        Fixtures.enrolUnregistered(partner, contract, Fixtures.device(serial, sku, "STANDARD", null)).then().statusCode(422)
                .body("type", endsWith("/device-not-registered"));
    }

    @Test
    void anAgentEnrollingForAPartnerIsHeldToTheSamePairing() {
        String sku = Fixtures.voiceModel();
        String owner = Fixtures.partner();
        String ownersContract = Fixtures.activeContract(owner, 12);
        String ownersCustomer = given().header("Authorization", Tokens.partner(owner)).get("/contracts/" + ownersContract)
                .then().extract().path("customerId");
        String serial = Fixtures.serial();
        Fixtures.registered(serial, sku, owner, ownersCustomer);
        String intrudersContract = Fixtures.activeContract(Fixtures.partner(), 12);
        Fixtures.as(Tokens.agent()).body("{\"devices\":[" + Fixtures.device(serial, sku, "STANDARD", null) + "]}")
                .post("/contracts/" + intrudersContract + "/devices").then().statusCode(422)
                .body("type", endsWith("/device-not-registered"));
    }

    @Test
    void twoConcurrentEnrolmentsOfOneSerialGiveOne201AndOne409() throws Exception {
        String sku = Fixtures.voiceModel();
        String partner = Fixtures.partner();
        String first = Fixtures.activeContract(partner, 12);
        String customer = given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + first)
                .then().extract().path("customerId");
        String body = Fixtures.contractBody(customer, 24, "USD");
        String second = Fixtures.as(Tokens.partner(partner)).body(body).post("/contracts").then().statusCode(201).extract().path("id");
        String serial = Fixtures.serial();
        Fixtures.registered(serial, sku, partner, customer);
        String device = Fixtures.device(serial, sku, "STANDARD", "2026-10-01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> calls = List.of(
                    () -> Fixtures.enrolUnregistered(partner, first, device).statusCode(),
                    () -> Fixtures.enrolUnregistered(partner, second, device).statusCode());
            List<Integer> statuses = pool.invokeAll(calls).stream().map(TrustBoundaryTest::get).sorted().toList();
            assertThat(statuses).containsExactly(201, 409);
        } finally {
            pool.shutdown();
        }
        int enrolled = given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + first + "/devices").then()
                .extract().<List<?>>path("items").size()
                + given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + second + "/devices").then()
                .extract().<List<?>>path("items").size();
        assertThat(enrolled).isEqualTo(1);
    }

    @Test
    void P3_anotherPartnersDeliveryReportNeverMovesThisCoverage() {
        String sku = Fixtures.voiceModel();
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 24);
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-01-29")).then().statusCode(201);
        // the report of a partner that does not own the device is applied by the consumer (inbox) but moves nothing
        ProgrammeFacts.applied(Topics.REGISTRY_DEVICES,
                new DeviceDeliveryReported(serial, sku, "P-SOMEONE-ELSE", LocalDate.of(2025, 6, 1)), "device-registry-service");
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract + "/devices").then()
                .body("items[0].period.start", equalTo("2026-01-29"));
    }

    private static Integer get(Future<Integer> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
