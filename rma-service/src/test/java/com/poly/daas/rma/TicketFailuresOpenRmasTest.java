package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.enrol;
import static com.poly.daas.rma.ContractFeed.failure;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.sendTicketEvent;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.rma.domain.FailureReport;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** S3 → A1: a ticket triaged as a hardware failure opens the RMA, or is refused with the rule and the reason. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketFailuresOpenRmasTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-T");
    }
    @Inject
    MutableClock clock;
    @Inject
    jakarta.persistence.EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static List<Map<String, Object>> rmasOf(String serial) {
        return given().header("Authorization", Tokens.agent()).queryParam("serial", serial).get("/rmas")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    private FailureReport report(String ticketId) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(FailureReport.class, ticketId));
    }

    @Test
    void S3_A1_aConfirmedHardwareFailureOpensTheRmaOnceEvenWhenReplayedWithAnotherEventId() {
        String s = serial();
        String contractId = enrol("P-T", s, "STANDARD");
        HardwareFailureConfirmed failure = failure("P-T", s, "HARDWARE_FAILURE", "US", "America/Los_Angeles");
        UUID eventId = UUID.randomUUID();
        sendTicketEvent(failure, eventId);
        sendTicketEvent(failure, eventId);          // redelivery: same event id
        sendTicketEvent(failure, UUID.randomUUID()); // replay: the producer published the same fact again

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(report(failure.ticketId())).isNotNull());
        given().header("Authorization", Tokens.partner("P-T")).queryParam("serial", s).get("/rmas").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].ticketId", equalTo(failure.ticketId()))
                .body("items[0].origin", equalTo("TICKET")).body("items[0].contractId", equalTo(contractId))
                .body("items[0].shipToTimeZone", equalTo("America/Los_Angeles")).body("items[0].status", equalTo("AUTHORISED"));
        String rmaId = (String) rmasOf(s).get(0).get("id");
        List<EventEnvelope> events = ReturnLifecycleTest.lifecycle(TopicProbe.events(Topics.RMAS, rmaId, 2, Duration.ofSeconds(20)));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("RmaAuthorised");
        assertThat(events.get(0).payload().get("ticketId").asText()).isEqualTo(failure.ticketId());
        // a later (different) replay still finds the ticket decided and opens nothing
        sendTicketEvent(failure, UUID.randomUUID());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(rmasOf(s)).hasSize(1));
        assertThat(report(failure.ticketId()).outcome).isEqualTo(FailureReport.AUTHORISED);
    }

    @Test
    void schemaVersion1WithoutTheSiteIsStillReadAndDecidedInTheCustomersCountry() {
        String s = serial();
        enrol("P-T", s, "STANDARD");
        String ticketId = UUID.randomUUID().toString();
        var v1 = new HardwareFailureConfirmed(ticketId, "P-T", "CU-" + s, s, "HARDWARE_FAILURE", Instant.now());
        String json = EventJson.write(EventJson.envelope(v1, UUID.randomUUID(), Instant.now(), "ticket-service"))
                .replace("\"schemaVersion\":2", "\"schemaVersion\":1")
                .replace(",\"siteCountry\":null,\"siteSubdivision\":null,\"timeZone\":null,\"contractId\":null", "");
        assertThat(json).doesNotContain("siteCountry");
        TopicProbe.send(Topics.TICKETS, ticketId, json);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(rmasOf(s)).hasSize(1));
        assertThat(rmasOf(s).get(0)).containsEntry("shipToCountry", "US").containsEntry("serviceCentre", "NA-MEM");
    }

    @Test
    void eachRefusalReasonIsPublishedAsRmaRefusedWithTheRuleForTheTicket() {
        String standard = serial();
        String open = serial();
        enrol("P-T", standard, "STANDARD");
        enrol("P-T", open, "STANDARD");
        String openRma = given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-T", open, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(201).extract().path("id");

        Map<String, HardwareFailureConfirmed> byRule = Map.of(
                "E4", failure("P-T", standard, "FIRE", "US", "America/New_York"),
                "P2", failure("P-T", standard, "HARDWARE_FAILURE", "JP", "Asia/Tokyo"),
                "P3", failure("P-T", serial(), "HARDWARE_FAILURE", "US", "America/New_York"),
                "E2", failure("P-T", standard, "LIQUID_SPILL", "US", "America/New_York"),
                "A1", failure("P-T", open, "HARDWARE_FAILURE", "US", "America/New_York"));
        byRule.values().forEach(f -> sendTicketEvent(f, UUID.randomUUID()));

        byRule.forEach((rule, f) -> {
            List<EventEnvelope> refused = TopicProbe.events(Topics.RMAS, f.ticketId(), 1, Duration.ofSeconds(20));
            assertThat(refused).as(rule).extracting(EventEnvelope::type).containsExactly("RmaRefused");
            var payload = refused.get(0).payload();
            assertThat(payload.get("rule").asText()).as(rule).isEqualTo(rule);
            assertThat(payload.get("reason").asText()).as(rule).isNotBlank();
            assertThat(payload.get("ticketId").asText()).isEqualTo(f.ticketId());
            assertThat(report(f.ticketId()).refusalRule).isEqualTo(rule);
        });
        assertThat(TopicProbe.events(Topics.RMAS, byRule.get("A1").ticketId(), 1, Duration.ofSeconds(5)).get(0).payload()
                .get("openRmaId").asText()).isEqualTo(openRma);
        assertThat(rmasOf(standard)).isEmpty();
        assertThat(rmasOf(open)).hasSize(1);
        // an agent may open the refused ticket's RMA with a reason once the rule allows it; the ticket is known
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-T", standard, "HARDWARE_FAILURE", "US", "America/New_York")
                        .replace("\"serial\"", "\"ticketId\":\"" + byRule.get("E2").ticketId() + "\",\"serial\""))
                .post("/rmas").then().statusCode(201).body("ticketId", equalTo(byRule.get("E2").ticketId()));
    }

    @Test
    void A1_aSecondRequestForADeviceWithAnOpenRmaIs409NamingIt() {
        String s = serial();
        enrol("P-O", s, "STANDARD");
        String first = given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-O", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-O", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(409).contentType("application/problem+json").body("rule", equalTo("A1"))
                .body("detail", containsString(first)).body("errors.field", hasItem("serial"));
    }

    @Test
    void A1_concurrentRequestsForOneSerialGiveExactlyOneRma() throws Exception {
        String s = serial();
        enrol("P-O", s, "STANDARD");
        int n = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            Callable<Integer> call = () -> {
                start.await();
                return given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                        .body(rmaJson("P-O", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas").statusCode();
            };
            List<Future<Integer>> results = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            assertThat(codes).containsOnly(201, 409);
            assertThat(codes.stream().filter(c -> c == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(rmasOf(s)).hasSize(1);
        assertThat(TopicProbe.read(Topics.RMAS, Duration.ofSeconds(5), rs -> false).stream()
                .map(r -> EventJson.readEnvelope(r.value()))
                .filter(e -> e.type().equals("RmaAuthorised") && s.equals(e.payload().get("serial").asText()))).hasSize(1);
    }
}
