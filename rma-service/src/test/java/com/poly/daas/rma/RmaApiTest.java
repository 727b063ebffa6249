package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.enrol;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

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
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RmaApiTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-A1");
        ProgrammeFacts.known("P-A3");
        ProgrammeFacts.known("P-E");
        ProgrammeFacts.known("P-L");
        ProgrammeFacts.known("P-OTHER");
        ProgrammeFacts.known("P-V");
    }
    /** The North American ship-from centre's zone (application.properties). */
    static final ZoneId CENTRE = ZoneId.of("America/Chicago");
    static final String SHIP_REPL0001 = "{\"replacementSerial\":\"REPL0001\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z999AA10123456784\"}";

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void atCentre(int year, int month, int day, int hour, int minute) {
        clock.set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CENTRE).toInstant());
    }

    private static ValidatableResponse request(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/rmas").then();
    }

    private static ValidatableResponse agentPost(String path, String etag, String body) {
        var spec = given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON).body(body);
        if (etag != null) {
            spec.header("If-Match", etag);
        }
        return spec.post(path).then();
    }

    @Test
    void E4_causesNeverCoveredAreRefusedWithTheRuleEvenWithTheExtendedOption() {
        String s = serial();
        enrol("P-E", s, "EXTENDED");
        atCentre(2026, 12, 1, 10, 0);
        for (String cause : List.of("FIRE", "INTENTIONAL_DAMAGE", "WEAR_AND_TEAR", "COSMETIC", "THEFT", "LOSS")) {
            request(Tokens.agent(), rmaJson("P-E", s, cause, "US", "America/New_York"))
                    .statusCode(422).contentType("application/problem+json")
                    .body("rule", equalTo("E4")).body("type", containsString("cause-never-covered"))
                    .body("detail", containsString(cause)).body("errors.field", hasItem("cause"));
        }
        given().header("Authorization", Tokens.partner("P-E")).queryParam("serial", s).get("/rmas")
                .then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void E2_liquidAndDropDamageNeedTheExtendedOption() {
        String standard = serial();
        String extended = serial();
        enrol("P-E", standard, "STANDARD");
        enrol("P-E", extended, "EXTENDED");
        atCentre(2026, 12, 1, 10, 0);
        request(Tokens.agent(), rmaJson("P-E", standard, "LIQUID_SPILL", "US", "America/New_York"))
                .statusCode(422).body("rule", equalTo("E2")).body("detail", containsString("STANDARD"));
        request(Tokens.agent(), rmaJson("P-E", standard, "DROP_DAMAGE", "US", "America/New_York"))
                .statusCode(422).body("rule", equalTo("E2"));
        request(Tokens.agent(), rmaJson("P-E", standard, "HARDWARE_FAILURE", "US", "America/New_York")).statusCode(201);
        request(Tokens.agent(), rmaJson("P-E", extended, "LIQUID_SPILL", "US", "America/New_York"))
                .statusCode(201).body("cause", equalTo("LIQUID_SPILL")).body("status", equalTo("AUTHORISED"));
    }

    /** A device of partner P-A1 enrolled for one request (one open RMA per device). */
    private static String covered() {
        String s = serial();
        enrol("P-A1", s, "STANDARD");
        return s;
    }

    @Test
    void A1_authorisedBeforeTheCutOffShipsTheSameBusinessDayAtOrAfterItTheNext() {
        String[] s = {covered(), covered(), covered(), covered(), covered()};
        atCentre(2026, 12, 1, 14, 59); // Tuesday, 14:59 in Memphis
        request(Tokens.agent(), rmaJson("P-A1", s[0], "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).body("shipDate", equalTo("2026-12-01")).body("expectedDeliveryOn", equalTo("2026-12-02"))
                .body("serviceCentre", equalTo("NA-MEM")).body("returnAddress", containsString("Memphis"))
                .body("origin", equalTo("AGENT")).body("timeline[0].step", equalTo("AUTHORISED"));
        atCentre(2026, 12, 1, 15, 0); // exactly the cut-off
        request(Tokens.agent(), rmaJson("P-A1", s[1], "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).body("shipDate", equalTo("2026-12-02"));
        atCentre(2026, 12, 4, 16, 0); // Friday after the cut-off: Monday, delivered Tuesday
        request(Tokens.agent(), rmaJson("P-A1", s[2], "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).body("shipDate", equalTo("2026-12-07")).body("expectedDeliveryOn", equalTo("2026-12-08"));
        // Wednesday after the cut-off: Thursday is Thanksgiving and the centre's state (US-TN) also closes on the
        // Friday after it, so the centre's calendar ships on Monday; New York delivers on Tuesday
        atCentre(2026, 11, 25, 15, 30);
        request(Tokens.agent(), rmaJson("P-A1", s[3], "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).body("shipDate", equalTo("2026-11-30")).body("expectedDeliveryOn", equalTo("2026-12-01"));
        // the cut-off is the centre's local time: 14:30 in Memphis is 15:30 in New York and still ships the same day
        atCentre(2026, 12, 1, 14, 30);
        request(Tokens.agent(), rmaJson("P-A1", s[4], "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).body("shipDate", equalTo("2026-12-01"));
    }

    @Test
    void A3_returnDueTenBusinessDaysAfterExpectedDeliverySkippingChristmasAndNewYear_A2_receiptMakesItPolyProperty() {
        String s = serial();
        String contractId = enrol("P-A3", s, "STANDARD");
        ContractFeed.register("REPL0001", "CCX-500");
        atCentre(2026, 12, 22, 9, 0); // Tuesday
        String id = request(Tokens.agent(), rmaJson("P-A3", s, "HARDWARE_FAILURE", "US", "America/New_York"))
                .statusCode(201).header("ETag", equalTo("\"0\"")).body("partnerId", equalTo("P-A3"))
                .body("contractId", equalTo(contractId)).body("returnDueOn", nullValue())
                .extract().path("id");

        agentPost("/rmas/" + id + "/return-receipt", "\"0\"", "{\"receivedOn\":\"2026-12-22\"}").statusCode(409).body("rule", equalTo("A3"));
        given().header("Authorization", Tokens.partner("P-A3")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(SHIP_REPL0001).post("/rmas/" + id + "/shipment").then().statusCode(403);
        agentPost("/rmas/" + id + "/shipment", null, SHIP_REPL0001).statusCode(428);
        agentPost("/rmas/" + id + "/shipment", "\"3\"", SHIP_REPL0001).statusCode(412);
        agentPost("/rmas/" + id + "/shipment", "\"0\"", SHIP_REPL0001.replace("REPL0001", s))
                .statusCode(400).body("errors.field", hasItem("replacementSerial"));

        atCentre(2026, 12, 22, 11, 0);
        agentPost("/rmas/" + id + "/shipment", "\"0\"", SHIP_REPL0001)
                .statusCode(200).header("ETag", equalTo("\"1\"")).body("status", equalTo("SHIPPED"))
                .body("expectedDeliveryOn", equalTo("2026-12-23"))
                // Dec 24, 28, 29, 30, 31, Jan 4, 5, 6, 7, 8: Christmas (Fri 25) and New Year (Fri 1) skipped
                .body("returnDueOn", equalTo("2027-01-08"))
                .body("polyProperty", equalTo(false)).body("carrier", equalTo("UPS"))
                .body("trackingNumber", equalTo("1Z999AA10123456784")).body("timeline[1].step", equalTo("SHIPPED"))
                .body("timeline[1].detail", containsString("1Z999AA10123456784"));
        agentPost("/rmas/" + id + "/shipment", "\"1\"", SHIP_REPL0001.replace("REPL0001", "REPL0002")).statusCode(409);

        atCentre(2027, 1, 5, 10, 0);
        agentPost("/rmas/" + id + "/return-receipt", "\"1\"", "{\"receivedOn\":\"2027-01-06\"}")
                .statusCode(400).body("errors.field", hasItem("receivedOn"));
        agentPost("/rmas/" + id + "/return-receipt", "\"1\"", "{}")
                .statusCode(200).body("status", equalTo("RECEIVED")).body("receivedOn", equalTo("2027-01-05"))
                .body("receivedLate", equalTo(false)).body("polyProperty", equalTo(true));

        // E5: one device under contract and one RMA is above 2 %, so ExcessRmaDetected (read back, published later) joins them
        List<EventEnvelope> events = TopicProbe.events(Topics.RMAS, id, 4, Duration.ofSeconds(20)).stream()
                .filter(e -> !e.type().equals("ExcessRmaDetected")).toList();
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("RmaAuthorised", "ReplacementShipped", "DefectiveUnitReceived");
        var shipped = events.get(1).payload();
        assertThat(shipped.get("returnDueOn").asText()).isEqualTo("2027-01-08");
        assertThat(shipped.get("expectedDeliveryOn").asText()).isEqualTo("2026-12-23");
        assertThat(shipped.get("originalSerial").asText()).isEqualTo(s);
        assertThat(shipped.get("replacementSerial").asText()).isEqualTo("REPL0001");
        assertThat(shipped.get("contractId").asText()).isEqualTo(contractId);
        assertThat(shipped.get("customerId").asText()).isEqualTo("CU-" + s);
        assertThat(events.get(2).payload().get("receivedOn").asText()).isEqualTo("2027-01-05");
        assertThat(events.get(0).payload().get("shipDate").asText()).isEqualTo("2026-12-22");
        assertThat(events.get(0).producer()).isEqualTo("rma-service");
    }

    @Test
    void P2_badRequestsAreProblemsNamingTheFieldAndEndUsersAreRefused() {
        String s = serial();
        enrol("P-V", s, "STANDARD");
        request(Tokens.agent(), rmaJson("P-V", s, "HARDWARE_FAILURE", "JP", "Asia/Tokyo"))
                .statusCode(422).body("rule", equalTo("P2")).body("errors.field", hasItem("shipTo.country"));
        request(Tokens.agent(), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "Nowhere/Else"))
                .statusCode(400).body("errors.field", hasItem("shipTo.timeZone"));
        request(Tokens.agent(), rmaJson("P-V", s, "ALIENS", "US", "America/New_York"))
                .statusCode(400).body("errors.field", hasItem("cause"));
        request(Tokens.agent(), "{\"partnerId\":\"P-V\",\"reason\":\"r\",\"serial\":\"" + s + "\",\"cause\":\"HARDWARE_FAILURE\"}")
                .statusCode(400).body("errors.field", hasItem("shipTo"));
        request(Tokens.agent(), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "America/New_York").replace("\"reason\":\"agent-opened for a test\",", ""))
                .statusCode(400).body("errors.field", hasItem("reason"));
        // S3: an RMA for a ticket must name a ticket whose confirmed failure reached this service
        request(Tokens.agent(), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "America/New_York")
                .replace("\"serial\"", "\"ticketId\":\"" + UUID.randomUUID() + "\",\"serial\""))
                .statusCode(422).body("rule", equalTo("S3")).body("errors.field", hasItem("ticketId"));
        // partners no longer open RMAs directly: they come from their tickets (S3)
        request(Tokens.partner("P-V"), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "America/New_York")).statusCode(403);
        request(Tokens.endUser("P-V"), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "America/New_York")).statusCode(403);
        given().header("Authorization", Tokens.agent()).queryParam("serial", s).get("/rmas")
                .then().statusCode(200).body("items", hasSize(0));
        request(Tokens.admin(), rmaJson("P-V", s, "HARDWARE_FAILURE", "US", "America/New_York")).statusCode(403);
        given().header("Authorization", Tokens.partner("P-V")).get("/rmas/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Tokens.partner("P-V")).queryParam("status", "LOST").get("/rmas")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void idempotencyKeyReplaysTheAuthorisationAndListsPage() {
        String[] serials = {serial(), serial(), serial()};
        for (String s : serials) {
            enrol("P-L", s, "STANDARD");
        }
        String key = UUID.randomUUID().toString();
        String body = rmaJson("P-L", serials[0], "HARDWARE_FAILURE", "GB", "Europe/London");
        String first = given().header("Authorization", Tokens.agent()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/rmas").then().statusCode(201)
                .body("serviceCentre", equalTo("EMEA-AMS")).extract().path("id");
        given().header("Authorization", Tokens.agent()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/rmas").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        request(Tokens.agent(), rmaJson("P-L", serials[1], "HARDWARE_FAILURE", "GB", "Europe/London")).statusCode(201);
        request(Tokens.agent(), rmaJson("P-L", serials[2], "HARDWARE_FAILURE", "GB", "Europe/London")).statusCode(201);
        var page1 = given().header("Authorization", Tokens.partner("P-L")).queryParam("limit", 2)
                .get("/rmas").then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue()).extract().jsonPath();
        var page2 = given().header("Authorization", Tokens.partner("P-L")).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("cursor")).get("/rmas").then().statusCode(200).extract().jsonPath();
        assertThat(page2.getList("items.id")).contains(first);
        assertThat(page2.getList("items.partnerId")).containsOnly("P-L");
        given().header("Authorization", Tokens.partner("P-OTHER")).queryParam("serial", serials[0]).get("/rmas")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.agent()).queryParam("serial", serials[0]).queryParam("status", "SHIPPED")
                .get("/rmas").then().statusCode(200).body("items", hasSize(0));
    }
}
