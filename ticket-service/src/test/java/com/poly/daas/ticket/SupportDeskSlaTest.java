package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import com.poly.daas.ticket.TicketFixtures.Desk;
import com.poly.daas.ticket.service.SlaBreachCheck;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * S1/S3: the ticket's SLA milestones (first response, triage decision) count only the business hours of the
 * customer's site, pause while the ticket waits on the partner, and breach once (SlaBreached), even with several
 * checkers running.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class SupportDeskSlaTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;
    @Inject
    SlaBreachCheck check;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static ValidatableResponse asAgent(String id) {
        return given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then().statusCode(200);
    }

    private static String milestone(String name) {
        return "milestones.find { it.milestone == '" + name + "' }.";
    }

    @Test
    void S1_S3_openedFriday1630InParisTheWeekendSummerTimeStartsIsDueMondayInSummerTime() {
        // Friday 27 March 2026 16:30 CET (UTC+1); clocks go forward on Sunday 29 March: Monday is CEST (UTC+2)
        Desk desk = desk("FR", null, "Europe/Paris");
        clock.set(ZonedDateTime.of(2026, 3, 27, 16, 30, 0, 0, PARIS).toInstant());
        String id = openFor(desk);
        // 30 min on Friday, then Monday from 09:00 CEST: first response 4 h -> 12:30 CEST, triage 8 h -> 16:30 CEST
        asAgent(id).body("supportPolicy", equalTo("default"))
                .body(milestone("FIRST_RESPONSE") + "target", equalTo("PT4H"))
                .body(milestone("FIRST_RESPONSE") + "dueAt", equalTo("2026-03-30T10:30:00Z"))
                .body(milestone("FIRST_RESPONSE") + "dueLocal", equalTo("2026-03-30T12:30:00+02:00"))
                .body(milestone("TRIAGE") + "dueAt", equalTo("2026-03-30T14:30:00Z"))
                .body(milestone("TRIAGE") + "dueLocal", equalTo("2026-03-30T16:30:00+02:00"))
                .body("firstResponseDueAt", equalTo("2026-03-30T10:30:00Z"));

        // Monday 10:00 CEST: 30 min on Friday + 1 h on Monday counted; the weekend and the lost hour never count
        clock.set(ZonedDateTime.of(2026, 3, 30, 10, 0, 0, 0, PARIS).toInstant());
        asAgent(id).body(milestone("FIRST_RESPONSE") + "state", equalTo("RUNNING"))
                .body(milestone("FIRST_RESPONSE") + "businessElapsed", equalTo("PT1H30M"))
                .body(milestone("FIRST_RESPONSE") + "businessRemaining", equalTo("PT2H30M"))
                .body(milestone("FIRST_RESPONSE") + "breached", equalTo(false));

        // Monday 12:31 CEST: first response breached, triage still running
        clock.set(ZonedDateTime.of(2026, 3, 30, 12, 31, 0, 0, PARIS).toInstant());
        asAgent(id).body(milestone("FIRST_RESPONSE") + "breached", equalTo(true))
                .body(milestone("FIRST_RESPONSE") + "businessRemaining", equalTo("PT0S"))
                .body(milestone("TRIAGE") + "breached", equalTo(false)).body("breached", equalTo(true));
    }

    @Test
    void S1_S3_openedBeforeEasterInLondonSkipsGoodFridayTheWeekendAndEasterMonday() {
        // Thursday 25 March 2027 15:00 GMT; Good Friday 26 and Easter Monday 29 March are English bank holidays, and
        // British Summer Time starts on Easter Sunday
        Desk desk = desk("GB", "GB-ENG", "Europe/London");
        clock.set(ZonedDateTime.of(2027, 3, 25, 15, 0, 0, 0, LONDON).toInstant());
        String id = openFor(desk);
        // 2 h on Thursday, the rest on Tuesday 30 March from 09:00 BST
        asAgent(id).body(milestone("FIRST_RESPONSE") + "dueLocal", equalTo("2027-03-30T11:00:00+01:00"))
                .body(milestone("FIRST_RESPONSE") + "dueAt", equalTo("2027-03-30T10:00:00Z"))
                .body(milestone("TRIAGE") + "dueLocal", equalTo("2027-03-30T15:00:00+01:00"))
                .body(milestone("TRIAGE") + "dueAt", equalTo("2027-03-30T14:00:00Z"));

        // an agent answers on Tuesday at 10:30 BST: first response met in time, with 3 h 30 min of business time used
        clock.set(ZonedDateTime.of(2027, 3, 30, 10, 30, 0, 0, LONDON).toInstant());
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"note\":\"Called the partner\"}").post("/tickets/" + id + "/first-response").then().statusCode(200)
                .body(milestone("FIRST_RESPONSE") + "state", equalTo("MET"))
                .body(milestone("FIRST_RESPONSE") + "breached", equalTo(false))
                .body(milestone("FIRST_RESPONSE") + "businessElapsed", equalTo("PT3H30M"))
                .body("firstRespondedAt", equalTo("2027-03-30T09:30:00Z"));
        // once only (S3)
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{}").post("/tickets/" + id + "/first-response").then().statusCode(409);
    }

    @Test
    void S3_waitingOnThePartnerPausesTheClockAcrossAWeekendAndAHolidayAndItResumesWhenThePartnerAnswers() {
        Desk desk = desk(); // New York
        // Thursday 24 December 2026 14:00 EST; Friday 25 is Christmas Day
        clock.set(ZonedDateTime.of(2026, 12, 24, 14, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        asAgent(id).body(milestone("TRIAGE") + "dueLocal", equalTo("2026-12-28T14:00:00-05:00"));

        // 16:00: the agent asks the partner (the first response) and the ticket waits on it, 2 h of triage counted
        clock.set(ZonedDateTime.of(2026, 12, 24, 16, 0, 0, 0, NEW_YORK).toInstant());
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"question\":\"Please send the diagnostic log after a reboot.\"}")
                .post("/tickets/" + id + "/partner-question").then().statusCode(200)
                .body("status", equalTo("WAITING_ON_PARTNER"))
                .body(milestone("FIRST_RESPONSE") + "state", equalTo("MET"))
                .body(milestone("TRIAGE") + "state", equalTo("PAUSED"));

        // Monday 28 December 15:00 EST, past the unpaused due time (14:00): paused, nothing counted, nothing breached
        clock.set(ZonedDateTime.of(2026, 12, 28, 15, 0, 0, 0, NEW_YORK).toInstant());
        check.check();
        asAgent(id).body(milestone("TRIAGE") + "state", equalTo("PAUSED"))
                .body(milestone("TRIAGE") + "dueAt", nullValue())
                .body(milestone("TRIAGE") + "businessElapsed", equalTo("PT2H"))
                .body(milestone("TRIAGE") + "businessRemaining", equalTo("PT6H"))
                .body(milestone("TRIAGE") + "breached", equalTo(false)).body("breached", equalTo(false));

        // the partner answers: OPEN again, 6 h left from Monday 15:00 -> Tuesday 13:00 EST
        given().header("Authorization", Tokens.partner(desk.partner())).contentType(ContentType.JSON)
                .body("{\"body\":\"Log attached; it still reboots.\"}").post("/tickets/" + id + "/comments")
                .then().statusCode(201).body("authorRole", equalTo("partner"));
        asAgent(id).body("status", equalTo("OPEN"))
                .body(milestone("TRIAGE") + "state", equalTo("RUNNING"))
                .body(milestone("TRIAGE") + "dueLocal", equalTo("2026-12-29T13:00:00-05:00"))
                .body("triageDueAt", equalTo("2026-12-29T18:00:00Z"))
                .body("timeline.step", org.hamcrest.Matchers.hasItems("WAITING_ON_PARTNER", "PARTNER_ANSWERED"));
        List<EventEnvelope> events = TopicProbe.events(Topics.TICKETS, id, 3, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("TicketOpened", "TicketAwaitingPartner", "TicketPartnerAnswered");
    }

    @Test
    void S3_aPartnersOwnSupportPolicyOverridesTheDefaultTarget() {
        // %test config: partner P-PREMIER has a 1-business-hour first response; its triage keeps the default
        ProgrammeFacts.known("P-PREMIER");
        String customer = ProgrammeFacts.customer("P-PREMIER");
        String serial = TicketFixtures.device("P-PREMIER", customer);
        clock.set(ZonedDateTime.of(2026, 12, 2, 10, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(new Desk("P-PREMIER", customer, serial));
        asAgent(id).body("supportPolicy", equalTo("partner P-PREMIER"))
                .body(milestone("FIRST_RESPONSE") + "target", equalTo("PT1H"))
                .body(milestone("FIRST_RESPONSE") + "dueLocal", equalTo("2026-12-02T11:00:00-05:00"))
                .body(milestone("TRIAGE") + "target", equalTo("PT8H"));
    }

    @Test
    void S3_twoCheckersOnTheSameDatabasePublishSlaBreachedOncePerTicketAndMilestone() throws Exception {
        Desk desk = desk();
        clock.set(ZonedDateTime.of(2027, 2, 3, 10, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        // first response due 14:00, triage due Thursday 10:00: at 14:30 only the first response is breached
        clock.set(ZonedDateTime.of(2027, 2, 3, 14, 30, 0, 0, NEW_YORK).toInstant());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Integer>> checkers = List.of(
                CompletableFuture.supplyAsync(() -> await(go, check)), CompletableFuture.supplyAsync(() -> await(go, check)));
        go.countDown();
        for (CompletableFuture<Integer> checker : checkers) {
            checker.get();
        }
        check.check(); // a later run finds nothing new for this ticket
        assertThat(outboxed(id, "SlaBreached")).isEqualTo(1);

        EventEnvelope breach = TopicProbe.events(Topics.TICKETS, id, 2, Duration.ofSeconds(20)).stream()
                .filter(e -> e.type().equals("SlaBreached")).findFirst().orElseThrow();
        assertThat(breach.payload().get("milestone").asText()).isEqualTo("FIRST_RESPONSE");
        assertThat(breach.payload().get("dueAt").asText()).isEqualTo("2027-02-03T19:00:00Z");
        assertThat(breach.payload().get("target").asText()).isEqualTo("PT4H");
        JsonPath ticket = asAgent(id).body("timeline.step", org.hamcrest.Matchers.hasItem("SLA_BREACHED")).extract().jsonPath();
        assertThat(ticket.getBoolean("breached")).isTrue();

        // a milestone met late is breached too, once: triage on Friday
        clock.set(ZonedDateTime.of(2027, 2, 5, 10, 0, 0, 0, NEW_YORK).toInstant());
        String etag = given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then().extract().header("ETag");
        given().header("Authorization", Tokens.agent()).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200)
                .body(milestone("TRIAGE") + "state", equalTo("MET")).body(milestone("TRIAGE") + "breached", equalTo(true));
        check.check();
        check.check();
        assertThat(outboxed(id, "SlaBreached")).isEqualTo(2);
    }

    private static int await(CountDownLatch go, SlaBreachCheck check) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return check.check();
    }

    private long outboxed(String ticketId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregateid = ?1 and type = ?2")
                .setParameter(1, ticketId).setParameter(2, type).getSingleResult()).longValue());
    }

}
