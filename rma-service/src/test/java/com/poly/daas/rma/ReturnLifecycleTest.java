package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.enrol;
import static com.poly.daas.rma.ContractFeed.register;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Money;
import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.rma.service.ReturnObligations;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Shipment, delivery (A3 re-basing), overdue returns (A3 → A4), late returns, and "today" at the customer's site (P4). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ReturnLifecycleTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-DUE");
        ProgrammeFacts.known("P-OD");
    }
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;
    @Inject
    ReturnObligations obligations;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(int year, int month, int day, int hour, int minute, ZoneId zone) {
        clock.set(ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone).toInstant());
    }

    private static ValidatableResponse post(String path, String etag, String body) {
        return given().header("Authorization", Tokens.agent()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body).post(path).then();
    }

    private static String shipment(String replacement) {
        return "{\"replacementSerial\":\"" + replacement + "\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + replacement + "\"}";
    }

    /** An RMA authorised on Tuesday 2026-12-22 09:00 New York for a covered device; returns its id. */
    private String authorisedRma(String partner, String s, ZoneId zone) {
        enrol(partner, s, "STANDARD");
        at(2026, 12, 22, 9, 0, NEW_YORK);
        return given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson(partner, s, "HARDWARE_FAILURE", "US", zone.getId())).post("/rmas")
                .then().statusCode(201).extract().path("id");
    }

    private static ValidatableResponse get(String id) {
        return given().header("Authorization", Tokens.agent()).get("/rmas/" + id).then().statusCode(200);
    }

    @Test
    void A3_deliveryReBasesTheDueDateOnTheReceiptAcrossAWeekendAndChristmas_badInputChangesNothing() {
        String s = serial();
        String replacement = serial();
        String otherModel = serial();
        register(replacement, "CCX-500");
        register(otherModel, "VVX-450");
        String id = authorisedRma("P-D", s, NEW_YORK);

        // wrong state: a delivery before the shipment
        post("/rmas/" + id + "/delivery", "\"0\"", "{\"deliveredOn\":\"2026-12-22\"}").statusCode(409).body("rule", equalTo("A3"));
        // the replacement must be a registered device (A1) of the same model (P4)
        post("/rmas/" + id + "/shipment", "\"0\"", shipment("NOTREGISTERED1")).statusCode(422)
                .body("rule", equalTo("A1")).body("errors.field", hasItem("replacementSerial"));
        post("/rmas/" + id + "/shipment", "\"0\"", shipment(otherModel)).statusCode(422)
                .body("rule", equalTo("P4")).body("detail", containsString("VVX-450")).body("errors.field", hasItem("replacementSerial"));
        post("/rmas/" + id + "/shipment", "\"0\"", "{\"replacementSerial\":\"" + replacement + "\"}").statusCode(400)
                .body("errors.field", hasItem("carrier")).body("errors.field", hasItem("trackingNumber"));
        get(id).header("ETag", equalTo("\"0\"")).body("status", equalTo("AUTHORISED"));

        at(2026, 12, 22, 11, 0, NEW_YORK);
        post("/rmas/" + id + "/shipment", "\"0\"", shipment(replacement)).statusCode(200)
                .body("status", equalTo("SHIPPED")).body("returnDueOn", equalTo("2027-01-08")); // provisional

        at(2026, 12, 24, 10, 0, NEW_YORK); // Thursday, the day before Christmas
        post("/rmas/" + id + "/delivery", "\"1\"", "{\"deliveredOn\":\"2026-12-21\"}").statusCode(400)
                .body("errors.field", hasItem("deliveredOn")).body("detail", containsString("before the replacement shipped"));
        post("/rmas/" + id + "/delivery", "\"1\"", "{\"deliveredOn\":\"2026-12-25\"}").statusCode(400)
                .body("errors.field", hasItem("deliveredOn")).body("detail", containsString("future"));
        get(id).header("ETag", equalTo("\"1\"")).body("returnDueOn", equalTo("2027-01-08"));

        // received Thursday Dec 24: Dec 28, 29, 30, 31, Jan 4, 5, 6, 7, 8, 11 (Christmas, New Year and two weekends skipped)
        post("/rmas/" + id + "/delivery", "\"1\"", "{\"deliveredOn\":\"2026-12-24\"}").statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("status", equalTo("DELIVERED")).body("deliveredOn", equalTo("2026-12-24"))
                .body("returnDueOn", equalTo("2027-01-11")).body("businessDaysLeft", equalTo(10))
                .body("timeline.step", equalTo(List.of("AUTHORISED", "SHIPPED", "DELIVERED")));
        post("/rmas/" + id + "/delivery", "\"2\"", "{}").statusCode(409);

        // +1: every RMA here also crosses the E5 threshold (one RMA on a tiny installed base), published separately
        List<EventEnvelope> events = lifecycle(TopicProbe.events(Topics.RMAS, id, 4, Duration.ofSeconds(20)));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("RmaAuthorised", "ReplacementShipped", "ReplacementDelivered");
        assertThat(events.get(1).payload().get("trackingNumber").asText()).isEqualTo("1Z" + replacement);
        assertThat(events.get(1).payload().get("customerTimeZone").asText()).isEqualTo("America/New_York");
        assertThat(events.get(2).payload().get("returnDueOn").asText()).isEqualTo("2027-01-11");
        assertThat(events.get(2).payload().get("deliveredOn").asText()).isEqualTo("2026-12-24");
    }

    @Test
    void A3_A4_twoScannersAtOncePublishOneReturnOverdueAtMidnightInTheCustomersZoneAndALateUnitIsALateReturn() throws Exception {
        ZoneId losAngeles = ZoneId.of("America/Los_Angeles");
        String s = serial();
        String replacement = serial();
        register(replacement, "CCX-500");
        String id = authorisedRma("P-OD", s, losAngeles);
        at(2026, 12, 22, 11, 0, NEW_YORK);
        post("/rmas/" + id + "/shipment", "\"0\"", shipment(replacement)).statusCode(200);
        at(2026, 12, 24, 10, 0, losAngeles);
        post("/rmas/" + id + "/delivery", "\"1\"", "{}").statusCode(200).body("returnDueOn", equalTo("2027-01-11"));

        // 23:59 on the due day in Los Angeles (already Jan 12 in UTC and New York): not overdue yet
        at(2027, 1, 11, 23, 59, losAngeles);
        obligations.scan();
        get(id).body("status", equalTo("DELIVERED")).body("businessDaysLeft", equalTo(0));

        // midnight in Los Angeles: two replicas scan at the same moment
        at(2027, 1, 12, 0, 0, losAngeles);
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = pool.submit(() -> { start.await(); return obligations.scan(); });
            Future<Integer> b = pool.submit(() -> { start.await(); return obligations.scan(); });
            start.countDown();
            a.get();
            b.get();
        } finally {
            pool.shutdownNow();
        }
        assertThat(obligations.scan()).as("run again: nothing left to mark").isZero();
        get(id).header("ETag", equalTo("\"3\"")).body("status", equalTo("OVERDUE")).body("overdueOn", equalTo("2027-01-12"))
                .body("businessDaysLeft", lessThan(0)).body("timeline[3].step", equalTo("OVERDUE"));
        var overdueList = given().header("Authorization", Tokens.agent()).queryParam("limit", 200).get("/rmas/overdue")
                .then().statusCode(200).extract().jsonPath();
        assertThat(overdueList.getList("items.id")).contains(id);
        given().header("Authorization", Tokens.partner("P-OD")).get("/rmas/overdue").then().statusCode(403);

        List<EventEnvelope> events = TopicProbe.events(Topics.RMAS, id, 4, Duration.ofSeconds(20));
        assertThat(events.stream().filter(e -> e.type().equals("ReturnOverdue"))).hasSize(1);
        var overdue = events.stream().filter(e -> e.type().equals("ReturnOverdue")).findFirst().orElseThrow().payload();
        assertThat(overdue.get("partnerId").asText()).isEqualTo("P-OD");
        assertThat(overdue.get("customerId").asText()).isEqualTo("CU-" + s);
        assertThat(overdue.get("contractId").asText()).isNotBlank();
        assertThat(overdue.get("serial").asText()).isEqualTo(s);
        assertThat(overdue.get("sku").asText()).isEqualTo("CCX-500");
        assertThat(overdue.get("region").asText()).isEqualTo("NORTH_AMERICA");
        assertThat(overdue.get("currency").asText()).isEqualTo("USD");
        assertThat(overdue.get("priceList").asText()).isEqualTo("NA-USD");
        assertThat(overdue.get("returnDueOn").asText()).isEqualTo("2027-01-11");
        assertThat(overdue.get("overdueOn").asText()).isEqualTo("2027-01-12");

        // A4: the unit arrives after all
        at(2027, 1, 20, 10, 0, ZoneId.of("America/Chicago"));
        post("/rmas/" + id + "/return-receipt", "\"3\"", "{}").statusCode(200).body("status", equalTo("RECEIVED"))
                .body("receivedLate", equalTo(true)).body("polyProperty", equalTo(true));
        List<EventEnvelope> after = lifecycle(TopicProbe.events(Topics.RMAS, id, 7, Duration.ofSeconds(20)));
        assertThat(after).extracting(EventEnvelope::type).containsExactly("RmaAuthorised", "ReplacementShipped",
                "ReplacementDelivered", "ReturnOverdue", "DefectiveUnitReceived", "LateReturnReceived");
        assertThat(after.get(5).payload().get("receivedOn").asText()).isEqualTo("2027-01-20");
        assertThat(after.get(5).payload().get("overdueOn").asText()).isEqualTo("2027-01-12");
        obligations.scan();
        assertThat(TopicProbe.events(Topics.RMAS, id, 6, Duration.ofSeconds(3))
                .stream().filter(e -> e.type().equals("ReturnOverdue"))).hasSize(1);
    }

    @Test
    void A3_agentsListReturnsDueWithinNBusinessDaysOfEachCustomersCalendar() {
        String s = serial();
        String replacement = serial();
        register(replacement, "CCX-500");
        String id = authorisedRma("P-DUE", s, NEW_YORK);
        at(2026, 12, 22, 11, 0, NEW_YORK);
        post("/rmas/" + id + "/shipment", "\"0\"", shipment(replacement)).statusCode(200);
        at(2026, 12, 24, 10, 0, NEW_YORK);
        post("/rmas/" + id + "/delivery", "\"1\"", "{}").statusCode(200); // due 2027-01-11

        at(2027, 1, 6, 12, 0, NEW_YORK); // Wednesday: Jan 7, 8, 11 left
        given().header("Authorization", Tokens.agent()).queryParam("withinBusinessDays", 2).queryParam("limit", 200)
                .get("/rmas/due").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)));
        given().header("Authorization", Tokens.agent()).queryParam("withinBusinessDays", 3).queryParam("limit", 200)
                .get("/rmas/due").then().statusCode(200).body("items.id", hasItem(id));
        given().header("Authorization", Tokens.agent()).get("/rmas/due").then().statusCode(400)
                .body("errors.field", hasItem("withinBusinessDays"));
        given().header("Authorization", Tokens.partner("P-DUE")).queryParam("withinBusinessDays", 3).get("/rmas/due")
                .then().statusCode(403);
        get(id).body("businessDaysLeft", equalTo(3));
    }

    @Test
    void P4_todayIsTheCustomersCalendarDay_lateEveningInLosAngelesAndEarlyMorningInBerlin() {
        String la = serial();
        String berlin = serial();
        for (String s : List.of(la, berlin)) {
            ContractFeed.send(new DeviceEnrolled("C-" + UUID.randomUUID().toString().substring(0, 8), s, "CCX-500", "P-TZ",
                    "CU-" + s, "US", LocalDate.of(2026, 7, 1), LocalDate.of(2029, 7, 1), "STANDARD",
                    Money.of("25.00", "USD"), null, null));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", Tokens.agent())
                    .get("/coverage/" + s).then().statusCode(200).body("coverageStart", equalTo("2026-07-01")));
        }
        // 23:30 on June 30 in Los Angeles is already July 1 in UTC: not covered yet at the customer's site
        clock.set(Instant.parse("2026-07-01T06:30:00Z"));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-TZ", la, "HARDWARE_FAILURE", "US", "America/Los_Angeles")).post("/rmas")
                .then().statusCode(422).body("rule", equalTo("P3")).body("detail", containsString("2026-06-30"));
        clock.set(Instant.parse("2026-07-01T07:05:00Z")); // 00:05 on July 1 in Los Angeles
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-TZ", la, "HARDWARE_FAILURE", "US", "America/Los_Angeles")).post("/rmas").then().statusCode(201);
        // 00:30 on July 1 in Berlin is still June 30 in UTC: covered at the customer's site
        clock.set(Instant.parse("2026-06-30T22:30:00Z"));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-TZ", berlin, "HARDWARE_FAILURE", "DE", "Europe/Berlin")).post("/rmas")
                .then().statusCode(201).body("serviceCentre", equalTo("EMEA-AMS"));
    }

    /** The RMA's own lifecycle events, without the E5 excess notice (published by the annual-rate consumer). */
    static List<EventEnvelope> lifecycle(List<EventEnvelope> events) {
        return events.stream().filter(e -> !e.type().equals("ExcessRmaDetected")).toList();
    }
}
