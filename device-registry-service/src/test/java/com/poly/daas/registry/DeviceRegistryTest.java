package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The serial registry: delivery dates (P3), status history, search, bad input. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class DeviceRegistryTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.knownCustomer("P-A", "CU-1");
        ProgrammeFacts.known("P-B");
        ProgrammeFacts.known("P-OTHER");
    }
    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void P3_theDeliveryDateIsReportedLaterWithIfMatchAndPublishedForCoverage() {
        String sku = Fixtures.model("HEADSET");
        String serial = Fixtures.serial();
        clock.set(Instant.parse("2026-11-10T12:00:00Z"));
        Fixtures.device("P-A", serial, sku, "CU-1", null);
        String path = "/devices/" + serial + "/delivery";

        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).body("{\"deliveredOn\":\"2026-11-03\"}")
                .put(path).then().statusCode(428);
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-11-11\"}").put(path)
                .then().statusCode(400).body("errors.field", hasItem("deliveredOn"));
        given().header("Authorization", Tokens.partner("P-B")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-11-03\"}").put(path).then().statusCode(404);
        given().header("Authorization", Tokens.partner("P-A")).get("/devices/" + serial).then().header("ETag", "\"0\"")
                .body("deliveredOn", org.hamcrest.Matchers.nullValue());

        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-11-03\"}").put(path)
                .then().statusCode(200).header("ETag", "\"1\"").body("deliveredOn", equalTo("2026-11-03"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-11-02\"}").put(path).then().statusCode(200).body("deliveredOn", equalTo("2026-11-02"));

        List<EventEnvelope> events = TopicProbe.events(Topics.REGISTRY_DEVICES, serial, 3, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("DeviceRegistered", "DeviceDeliveryReported", "DeviceDeliveryReported");
        assertThat(events.get(2).payload().get("deliveredOn").asText()).isEqualTo("2026-11-02");
        assertThat(events.get(2).payload().get("partnerId").asText()).isEqualTo("P-A");
    }

    @Test
    void statusMovesAreKeptInAHistoryAndRmaStatusesCannotBeSetByHand() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        Fixtures.device("P-A", serial, sku, "CU-1", "2026-10-01");
        String path = "/devices/" + serial + "/status";
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"status\":\"POLY_PROPERTY\"}").post(path).then().statusCode(422).body("rule", equalTo("A2"))
                .body("errors.field", hasItem("status"));
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"status\":\"IN_SERVICE\",\"reason\":\"installed in room 4.12\"}").post(path)
                .then().statusCode(200).body("status", equalTo("IN_SERVICE")).header("ETag", "\"1\"");
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"status\":\"IN_SERVICE\"}").post(path).then().statusCode(422).body("errors.field", hasItem("status"));
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"status\":\"RETIRED\"}").post(path).then().statusCode(200).body("status", equalTo("RETIRED"));
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-10-02\"}").put("/devices/" + serial + "/delivery").then().statusCode(422);

        given().header("Authorization", Tokens.partner("P-A")).get("/devices/" + serial + "/history").then().statusCode(200)
                .body("items.status", equalTo(List.of("REGISTERED", "IN_SERVICE", "RETIRED")))
                .body("items[1].reason", equalTo("installed in room 4.12"))
                .body("items[1].previousStatus", equalTo("REGISTERED"));
        given().header("Authorization", Tokens.partner("P-B")).get("/devices/" + serial + "/history").then().statusCode(404);

        List<EventEnvelope> events = TopicProbe.events(Topics.REGISTRY_DEVICES, serial, 3, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("DeviceRegistered", "DeviceStatusChanged", "DeviceStatusChanged");
        assertThat(events.get(2).payload().get("previousStatus").asText()).isEqualTo("IN_SERVICE");
    }

    @Test
    void devicesAreSearchedPerPartnerWithFiltersAndCursors() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("HEADSET");
        String other = Fixtures.model("VIDEO");
        String customer = Fixtures.customer(partner);
        for (int i = 0; i < 3; i++) {
            Fixtures.device(partner, Fixtures.serial(), sku, customer, null);
        }
        Fixtures.device(partner, Fixtures.serial(), other, customer, null);
        Fixtures.device("P-OTHER", Fixtures.serial(), sku, "CU-OTHER-" + Fixtures.serial(), null);

        var first = given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).queryParam("limit", 2)
                .get("/devices").then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract().jsonPath();
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).queryParam("limit", 2)
                .queryParam("cursor", first.getString("cursor")).get("/devices").then().statusCode(200)
                .body("items", hasSize(2)).body("items.partnerId", equalTo(List.of(partner, partner)))
                .body("next", org.hamcrest.Matchers.nullValue());
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).queryParam("sku", sku)
                .get("/devices").then().body("items", hasSize(3));
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).queryParam("status", "REGISTERED")
                .queryParam("sku", other).get("/devices").then().body("items", hasSize(1));
        given().header("Authorization", Tokens.agent()).queryParam("customerId", customer).get("/devices") // a customer belongs to one partner (issue 9): P-OTHER's device is elsewhere
                .then().body("items", hasSize(4));
        given().header("Authorization", Tokens.partner(partner)).queryParam("status", "BROKEN").get("/devices")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON)
                .body(Fixtures.deviceJson("bad serial!", sku, "CU-1", null)).post("/devices")
                .then().statusCode(400).body("errors.field", hasItem("serial"));
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON)
                .body(Fixtures.deviceJson(serial, "NO-SUCH-" + sku, "CU-1", null)).post("/devices")
                .then().statusCode(400).body("errors.field", hasItem("sku"));
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON)
                .body(Fixtures.deviceJson(serial, sku, "CU-1", "2999-01-01")).post("/devices")
                .then().statusCode(400).body("errors.field", hasItem("deliveredOn"));
        given().header("Authorization", Tokens.agent()).get("/devices/" + serial).then().statusCode(404);
        given().header("Authorization", Tokens.agent()).queryParam("customerId", "CU-1").queryParam("sku", sku).get("/devices")
                .then().statusCode(200).body("items", hasSize(0));
    }
}
