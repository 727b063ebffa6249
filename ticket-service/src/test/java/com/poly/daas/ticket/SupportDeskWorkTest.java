package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.open;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import com.poly.daas.ticket.TicketFixtures.Desk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 13: the support desk's work (S1-S3): its queue, assignment, comments and notes, the timeline, search. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class SupportDeskWorkTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonPath queue(String query) {
        return given().header("Authorization", Tokens.agent()).get("/desk/queue?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String etag(String id) {
        return given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then().statusCode(200).extract().header("ETag");
    }

    private static io.restassured.specification.RequestSpecification agent(String id) {
        return given().header("Authorization", Tokens.agent()).header("If-Match", etag(id)).contentType(ContentType.JSON);
    }

    @Test
    void S3_theQueueListsTheNearestDueInstantFirstWithFiltersAndACursor() {
        Desk ny = desk();
        Desk paris = new Desk(ny.partner(), com.poly.daas.testsupport.ProgrammeFacts.customer(ny.partner(), "FR", null,
                "Europe/Paris"), null);
        String parisDevice = TicketFixtures.device(paris.partner(), paris.customer());
        // Wednesday 2 December 2026: Paris at 10:00 EST (16:00 CET: first response due Thursday 11:00 CET = 10:00Z),
        // New York at 11:00 and 09:30 EST (due 15:00 and 13:30 EST = 20:00Z and 18:30Z)
        clock.set(ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, NEW_YORK).toInstant());
        String inParis = openFor(paris, parisDevice);
        clock.set(ZonedDateTime.of(2026, 12, 2, 11, 0, 0, 0, NEW_YORK).toInstant());
        String late = openFor(ny);
        clock.set(ZonedDateTime.of(2026, 12, 2, 9, 30, 0, 0, NEW_YORK).toInstant());
        String early = openFor(ny, ny.anotherDevice());

        clock.set(ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, NEW_YORK).toInstant());
        JsonPath first = queue("partnerId=" + ny.partner() + "&limit=2");
        assertThat(first.getList("items.id", String.class)).containsExactly(early, late);
        assertThat(first.getString("items[0].milestones.find { it.milestone == 'FIRST_RESPONSE' }.dueAt"))
                .isEqualTo("2026-12-02T18:30:00Z");
        JsonPath second = queue("partnerId=" + ny.partner() + "&limit=2&cursor=" + first.getString("cursor"));
        assertThat(second.getList("items.id", String.class)).containsExactly(inParis);
        assertThat(second.getString("cursor")).isNull();

        assertThat(queue("partnerId=" + ny.partner() + "&country=FR").getList("items.id", String.class)).containsExactly(inParis);
        assertThat(queue("partnerId=" + ny.partner() + "&dueWithin=PT2H").getList("items.id", String.class))
                .containsExactly(early); // due 13:30 EST, within 2 h of 12:00
        // 14:00 EST: the early ticket's first response is breached
        clock.set(ZonedDateTime.of(2026, 12, 2, 14, 0, 0, 0, NEW_YORK).toInstant());
        assertThat(queue("partnerId=" + ny.partner() + "&breached=true").getList("items.id", String.class)).containsExactly(early);
        assertThat(queue("partnerId=" + ny.partner() + "&breached=false").getList("items.id", String.class))
                .containsExactly(late, inParis);
        // waiting on the partner: paused, no running due instant, so last
        agent(early).body("{\"question\":\"Which firmware?\"}").post("/tickets/" + early + "/partner-question").then().statusCode(200);
        assertThat(queue("partnerId=" + ny.partner()).getList("items.id", String.class)).containsExactly(late, inParis, early);
        assertThat(queue("partnerId=" + ny.partner() + "&status=WAITING_ON_PARTNER").getList("items.id", String.class))
                .containsExactly(early);

        // bad filters are 400 naming the parameter; partners have no queue (S2)
        given().header("Authorization", Tokens.agent()).get("/desk/queue?dueWithin=soon").then().statusCode(400)
                .body("errors.field", hasItem("dueWithin"));
        given().header("Authorization", Tokens.agent()).get("/desk/queue?breached=maybe").then().statusCode(400)
                .body("errors.field", hasItem("breached"));
        given().header("Authorization", Tokens.agent()).get("/desk/queue?country=France").then().statusCode(400)
                .body("errors.field", hasItem("country"));
        given().header("Authorization", Tokens.partner(ny.partner())).get("/desk/queue").then().statusCode(403);
    }

    @Test
    void S2_S3_assignmentCommentsAndInternalNotesAndEveryChangeOnTheTimelineWithWhoAndWhen() {
        Desk desk = desk();
        String id = openFor(desk);
        agent(id).body("{\"agent\":\"agent-jdupont\"}").post("/tickets/" + id + "/assignment").then().statusCode(200)
                .body("assignee", equalTo("agent-jdupont"));
        // an internal note is not a response to the partner
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body("{\"body\":\"Known PSU batch issue, see KB-113\",\"internal\":true}").post("/tickets/" + id + "/comments")
                .then().statusCode(201).body("internal", equalTo(true));
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then()
                .body("firstRespondedAt", nullValue());
        // the first agent comment the partner sees is the first response (S3)
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body("{\"body\":\"We are looking at it.\"}").post("/tickets/" + id + "/comments").then().statusCode(201);
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then()
                .body("firstRespondedAt", not(nullValue()))
                .body("milestones.find { it.milestone == 'FIRST_RESPONSE' }.state", equalTo("MET"));
        // a partner never writes nor sees internal notes
        given().header("Authorization", Tokens.partner(desk.partner())).contentType(ContentType.JSON)
                .body("{\"body\":\"secret?\",\"internal\":true}").post("/tickets/" + id + "/comments").then().statusCode(400)
                .body("errors.field", hasItem("internal"));
        given().header("Authorization", Tokens.partner(desk.partner())).contentType(ContentType.JSON)
                .body("{\"body\":\"Thanks, the end user is waiting.\"}").post("/tickets/" + id + "/comments").then().statusCode(201);
        given().header("Authorization", Tokens.partner(desk.partner())).get("/tickets/" + id + "/comments").then().statusCode(200)
                .body("items", hasSize(2)).body(not(containsString("KB-113")));
        given().header("Authorization", Tokens.partner(desk.partner())).get("/tickets/" + id).then().statusCode(200)
                .body(not(containsString("KB-113"))).body("timeline.step", not(hasItem("INTERNAL_NOTE")));
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id + "/comments?limit=2").then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].body", equalTo("Thanks, the end user is waiting."))
                .body("cursor", not(nullValue()));

        agent(id).body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200);
        agent(id).body("{\"resolution\":\"No fault found; partner resets the handset\"}").post("/tickets/" + id + "/resolution")
                .then().statusCode(200);
        given().header("Authorization", Tokens.partner(desk.partner())).header("If-Match", etag(id)).contentType(ContentType.JSON)
                .body("{\"reason\":\"done\"}").post("/tickets/" + id + "/closure").then().statusCode(200);
        JsonPath ticket = given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then().extract().jsonPath();
        assertThat(ticket.getList("timeline.step", String.class)).containsExactly("OPENED", "ASSIGNED", "INTERNAL_NOTE",
                "COMMENTED", "COMMENTED", "TRIAGED", "RESOLVED", "CLOSED");
        assertThat(ticket.getList("timeline.by", String.class)).doesNotContainNull();
        assertThat(ticket.getString("timeline.find { it.step == 'CLOSED' }.by")).isEqualTo("erp-" + desk.partner());
        // a closed ticket takes no more comments
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON).body("{\"body\":\"late\"}")
                .post("/tickets/" + id + "/comments").then().statusCode(409);

        List<EventEnvelope> events = TopicProbe.events(Topics.TICKETS, id, 4, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("TicketOpened", "TicketTriaged", "TicketResolved",
                "TicketClosed");
        assertThat(events.get(3).payload().get("previousStatus").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void searchFindsByTextCustomerStatusBreachAndOpeningDateNewestFirstWithACursorOwnTicketsOnly() {
        Desk desk = desk();
        Desk other = desk();
        clock.set(ZonedDateTime.of(2026, 10, 5, 10, 0, 0, 0, NEW_YORK).toInstant());
        String older = open(Tokens.partner(desk.partner()), """
                {"customerId":"%s","serial":"%s","subject":"Firmware 3.2 boot loop","description":"Reboots."}"""
                .formatted(desk.customer(), desk.serial())).statusCode(201).extract().path("id");
        clock.set(ZonedDateTime.of(2026, 10, 7, 10, 0, 0, 0, NEW_YORK).toInstant());
        String newer = open(Tokens.partner(desk.partner()), """
                {"customerId":"%s","serial":"%s","subject":"After FIRMWARE update: no audio","description":"Silent."}"""
                .formatted(desk.customer(), desk.anotherDevice())).statusCode(201).extract().path("id");
        String othersOwn = open(Tokens.partner(other.partner()), """
                {"customerId":"%s","serial":"%s","subject":"firmware too","description":"x"}"""
                .formatted(other.customer(), other.serial())).statusCode(201).extract().path("id");
        clock.set(ZonedDateTime.of(2026, 10, 7, 11, 0, 0, 0, NEW_YORK).toInstant());

        String partner = Tokens.partner(desk.partner());
        given().header("Authorization", partner).get("/tickets/search?text=firmware&limit=1").then().statusCode(200)
                .body("items.id", contains(newer)).body("cursor", not(nullValue()));
        String cursor = given().header("Authorization", partner).get("/tickets/search?text=firmware&limit=1").then()
                .extract().path("cursor");
        given().header("Authorization", partner).get("/tickets/search?text=firmware&limit=1&cursor=" + cursor).then()
                .body("items.id", contains(older)).body("cursor", nullValue());
        given().header("Authorization", partner).get("/tickets/search?customerId=" + desk.customer()
                + "&openedFrom=2026-10-06T00:00:00Z&openedBefore=2026-10-08T00:00:00Z").then().body("items.id", contains(newer));
        // the older one's first response (due 5 Oct 14:00 EST) and triage are long past: breached
        given().header("Authorization", partner).get("/tickets/search?customerId=" + desk.customer() + "&breached=true").then()
                .body("items.id", contains(older));
        given().header("Authorization", partner).get("/tickets/search?customerId=" + desk.customer() + "&breached=false&status=OPEN")
                .then().body("items.id", contains(newer));
        given().header("Authorization", partner).get("/tickets/search?text=100%25").then().body("items", hasSize(0));
        // the other partner's ticket never shows, whatever the filters
        given().header("Authorization", partner).get("/tickets/search?text=firmware too").then().body("items", hasSize(0));
        given().header("Authorization", Tokens.agent()).get("/tickets/search?text=firmware too&customerId=" + other.customer())
                .then().body("items.id", contains(othersOwn));
        given().header("Authorization", partner).get("/tickets/search?openedFrom=yesterday").then().statusCode(400)
                .body("errors.field", hasItem("openedFrom"));
    }
}
