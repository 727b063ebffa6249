package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.open;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.ticketJson;
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
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.ticket.TicketFixtures.Desk;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketApiTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void nowInNewYork(int year, int month, int day, int hour) {
        clock.set(ZonedDateTime.of(year, month, day, hour, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void S2_endUsersAndAdminsCannotOpenTicketsPartnersAndAgentsCan() {
        Desk desk = desk();
        String body = ticketJson(null, desk.customer(), desk.serial());
        open(Tokens.endUser(desk.partner()), body).statusCode(403).contentType("application/problem+json");
        open(Tokens.admin(), ticketJson(desk.partner(), desk.customer(), desk.serial())).statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(401);

        open(Tokens.partner(desk.partner()), body).statusCode(201).body("partnerId", equalTo(desk.partner()))
                .body("status", equalTo("OPEN"));
        open(Tokens.agent(), ticketJson(desk.partner(), desk.customer(), desk.serial()))
                .statusCode(201).body("partnerId", equalTo(desk.partner()));
        // an agent must say which partner the ticket is for
        open(Tokens.agent(), body).statusCode(400).body("errors.field", hasItem("partnerId"));
    }

    @Test
    void S1_S3_openedFriday1600InNewYorkFirstResponseDueMonday1200AndTriageMonday1600Local() {
        Desk desk = desk();
        nowInNewYork(2026, 11, 20, 16); // Friday
        String id = open(Tokens.partner(desk.partner()), ticketJson(null, desk.customer(), desk.serial()))
                .statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .header("Location", containsString("/tickets/"))
                .body("openedAt", equalTo("2026-11-20T21:00:00Z"))
                .body("firstResponseDueLocal", equalTo("2026-11-23T12:00:00-05:00"))
                .body("firstResponseDueAt", equalTo("2026-11-23T17:00:00Z"))
                .body("triageDueLocal", equalTo("2026-11-23T16:00:00-05:00"))
                .body("timeZone", equalTo("America/New_York"))
                .extract().path("id");
        given().header("Authorization", Tokens.partner(desk.partner())).get("/tickets/" + id).then().statusCode(200)
                .body("firstResponseDueLocal", equalTo("2026-11-23T12:00:00-05:00")).body("siteSubdivision", equalTo("NY"));
    }

    @Test
    void S1_thanksgivingIsNotABusinessDayInTheUsButIsInFrance() {
        Desk newYork = desk("US", null, "America/New_York");
        Desk paris = desk("FR", null, "Europe/Paris");
        nowInNewYork(2026, 11, 25, 16); // Wednesday before Thanksgiving (Thursday 26)
        open(Tokens.partner(newYork.partner()), ticketJson(null, newYork.customer(), newYork.serial()))
                .statusCode(201).body("firstResponseDueLocal", equalTo("2026-11-27T12:00:00-05:00"));
        // the same instant at a Paris site: 22:00 local, so counting starts Thursday 09:00 (no holiday in FR)
        open(Tokens.partner(paris.partner()), ticketJson(null, paris.customer(), paris.serial()))
                .statusCode(201).body("firstResponseDueLocal", equalTo("2026-11-26T13:00:00+01:00"))
                .body("triageDueLocal", equalTo("2026-11-26T17:00:00+01:00"));
    }

    @Test
    void S1_theSiteIsTheCustomersRecordEvenWhenTheCallerSendsAnother() {
        Desk berlin = desk("DE", "DE-BY", "Europe/Berlin");
        String claimsAnotherSite = ticketJson(null, berlin.customer(), berlin.serial())
                .replace("{", "{\"siteCountry\":\"US\",\"siteSubdivision\":\"NY\",\"timeZone\":\"America/New_York\",");
        open(Tokens.partner(berlin.partner()), claimsAnotherSite).statusCode(201)
                .body("siteCountry", equalTo("DE")).body("siteSubdivision", equalTo("BY"))
                .body("timeZone", equalTo("Europe/Berlin"));
        // the customer moved: later tickets follow the new record (CustomerChanged)
        ProgrammeFacts.customerMoved(berlin.customer(), berlin.partner(), "DE", "DE-BE", "Europe/Berlin");
        open(Tokens.partner(berlin.partner()), ticketJson(null, berlin.customer(), berlin.serial())).statusCode(201)
                .body("siteSubdivision", equalTo("BE"));
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndChangesNothing() {
        Desk desk = desk();
        String s = desk.serial();
        open(Tokens.partner(desk.partner()), ticketJson(null, "", "bad serial"))
                .statusCode(400).body("type", equalTo("https://problems.daas.poly.com/validation-failed"))
                .body("errors.field", hasItem("customerId")).body("errors.field", hasItem("serial"));
        given().header("Authorization", Tokens.partner(desk.partner())).contentType(ContentType.JSON)
                .body(ticketJson(null, desk.customer(), s).replace("}", ",\"priority\":1}"))
                .post("/tickets").then().statusCode(400).body("errors.field", hasItem("priority"));
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("serial", s).get("/tickets")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.partner(desk.partner())).get("/tickets/not-a-uuid").then().statusCode(404);
    }

    @Test
    void S3_hardwareFailureTriageIsForAgentsWithIfMatchAndPublishesTheEventThroughTheOutbox() {
        Desk desk = desk();
        String s = desk.serial();
        String id = openFor(desk);
        String triage = "{\"decision\":\"HARDWARE_FAILURE\",\"note\":\"PSU board dead\"}";

        given().header("Authorization", Tokens.partner(desk.partner())).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(triage).post("/tickets/" + id + "/triage").then().statusCode(403);
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(triage).post("/tickets/" + id + "/triage").then().statusCode(428);
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"5\"").contentType(ContentType.JSON)
                .body(triage).post("/tickets/" + id + "/triage").then().statusCode(412);
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(triage).post("/tickets/" + id + "/triage").then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("status", equalTo("TRIAGED"))
                .body("triageDecision", equalTo("HARDWARE_FAILURE")).body("failureCause", equalTo("HARDWARE_FAILURE"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(409)
                .body("rule", equalTo("S3"));

        List<EventEnvelope> events = TopicProbe.events(Topics.TICKETS, id, 3, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TicketOpened", "HardwareFailureConfirmed",
                "TicketTriaged");
        var confirmed = events.get(1).payload();
        assertThat(confirmed.get("serial").asText()).isEqualTo(s);
        assertThat(confirmed.get("partnerId").asText()).isEqualTo(desk.partner());
        assertThat(confirmed.get("customerId").asText()).isEqualTo(desk.customer());
        assertThat(confirmed.get("cause").asText()).isEqualTo("HARDWARE_FAILURE");
        assertThat(confirmed.get("confirmedAt").asText()).isNotBlank();
        assertThat(events.get(1).producer()).isEqualTo("ticket-service");
        assertThat(events.get(0).payload().get("firstResponseDueAt").asText()).isNotBlank();
    }

    @Test
    void S3_noFaultTriagePublishesNoHardwareFailureAndTakesNoCause() {
        Desk desk = desk();
        String id = openFor(desk);
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\",\"cause\":\"DROP_DAMAGE\"}").post("/tickets/" + id + "/triage")
                .then().statusCode(400).body("errors.field", hasItem("cause"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage")
                .then().statusCode(200).body("failureCause", nullValue());
        // a marker event after ours proves the absence of HardwareFailureConfirmed
        String marker = openFor(desk, desk.anotherDevice());
        TopicProbe.events(Topics.TICKETS, marker, 1, Duration.ofSeconds(20));
        List<EventEnvelope> events = TopicProbe.events(Topics.TICKETS, id, 2, Duration.ofSeconds(5));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TicketOpened", "TicketTriaged");
        assertThat(events.get(1).payload().get("decision").asText()).isEqualTo("NO_FAULT");
    }

    @Test
    void idempotencyKeyHoldsFor24HoursThenAnsweringAFreshRequest() {
        // issue 16 claims a key first and clears an expired one only when the claim finds the key taken
        Desk desk = desk();
        String key = UUID.randomUUID().toString();
        String body = ticketJson(null, desk.customer(), desk.serial());
        String first = given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(201)
                .header("Idempotency-Replayed", nullValue()).extract().path("id");
        given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body.replace("Handset dead", "Handset still dead")).post("/tickets")
                .then().statusCode(422).contentType("application/problem+json");
        clock.advance(Duration.ofHours(25));
        String second = given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(201)
                .header("Idempotency-Replayed", nullValue()).extract().path("id");
        assertThat(second).isNotEqualTo(first);
        given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(second));
    }

    @Test
    void idempotencyKeyReplaysTheOpeningAndListsFilterAndPage() {
        Desk desk = desk("DE", "DE-BY", "Europe/Berlin");
        String s = desk.serial();
        String key = UUID.randomUUID().toString();
        String body = ticketJson(null, desk.customer(), s);
        String first = given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.partner(desk.partner())).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/tickets").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        openFor(desk);
        openFor(desk);

        var page1 = given().header("Authorization", Tokens.partner(desk.partner())).queryParam("serial", s).queryParam("limit", 2)
                .get("/tickets").then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue())
                .extract().jsonPath();
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("serial", s).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("cursor")).get("/tickets").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(first)).body("next", nullValue());
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("serial", s).queryParam("status", "TRIAGED")
                .get("/tickets").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.agent()).queryParam("serial", s).queryParam("status", "OPEN")
                .get("/tickets").then().statusCode(200).body("items", hasSize(3));
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("cursor", "garbage!").get("/tickets")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("status", "LOST").get("/tickets")
                .then().statusCode(400).body("errors.field", hasItem("status"));
    }

    @Test
    void lifecycleTransitionsAreExplicit_triagedThenResolvedByAnAgentThenClosedByThePartner() {
        Desk desk = desk();
        String s = desk.serial();
        String id = openFor(desk);
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"resolution\":\"nothing to do\"}").post("/tickets/" + id + "/resolution")
                .then().statusCode(409).body("detail", containsString("OPEN"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"DROP_DAMAGE\"}").post("/tickets/" + id + "/triage")
                .then().statusCode(200).body("failureCause", equalTo("DROP_DAMAGE"));
        given().header("Authorization", Tokens.partner(desk.partner())).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"resolution\":\"RMA authorised\"}").post("/tickets/" + id + "/resolution").then().statusCode(403);
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"resolution\":\"\"}").post("/tickets/" + id + "/resolution")
                .then().statusCode(400).body("errors.field", hasItem("resolution"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"resolution\":\"RMA authorised\"}").post("/tickets/" + id + "/resolution")
                .then().statusCode(200).header("ETag", equalTo("\"2\"")).body("status", equalTo("RESOLVED"))
                .body("resolution", equalTo("RMA authorised")).body("resolvedAt", notNullValue());
        given().header("Authorization", Tokens.partner(desk.partner())).contentType(ContentType.JSON)
                .body("{\"reason\":\"replacement installed\"}").post("/tickets/" + id + "/closure").then().statusCode(428);
        given().header("Authorization", Tokens.partner(desk.partner())).header("If-Match", "\"2\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"replacement installed\"}").post("/tickets/" + id + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("closeReason", equalTo("replacement installed"));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body("{}").post("/tickets/" + id + "/closure").then().statusCode(409);
        given().header("Authorization", Tokens.partner(desk.partner())).queryParam("status", "CLOSED").queryParam("serial", s)
                .get("/tickets").then().statusCode(200).body("items", hasSize(1));
    }
}
