package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.openFor;
import static com.poly.daas.ticket.TicketFixtures.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReplacementDelivered;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.events.rmas.RmaRefused;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** S3: a ticket triaged as a hardware failure follows its advance replacement, from rma-service's events. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketFollowsItsRmaTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-OTHER");
        ProgrammeFacts.known("P-RF");
    }

    /** rma-service publishes an event, through the real broker, as its outbox writes it. */
    private static void rmaService(DomainEvent event, UUID id, Instant at) {
        TopicProbe.send(Topics.RMAS, event.aggregateId(), EventJson.write(EventJson.envelope(event, id, at, "rma-service")));
    }

    private static void rmaService(DomainEvent event, Instant at) {
        rmaService(event, UUID.randomUUID(), at);
    }

    private static JsonPath ticket(String partner, String id) {
        return given().header("Authorization", Tokens.partner(partner)).get("/tickets/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String triagedHardwareFailure(String partner, String serial) {
        // the partner, its New York customer and the device registered to it, as contract-service and the registry publish them
        ProgrammeFacts.known(partner);
        String customer = ProgrammeFacts.customer(partner);
        ProgrammeFacts.registeredDevice(serial, "CCX-500", partner, customer);
        String id = openFor(new TicketFixtures.Desk(partner, customer, serial));
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"HARDWARE_FAILURE\"}").post("/tickets/" + id + "/triage")
                .then().statusCode(200);
        return id;
    }

    @Test
    void S3_triagePublishesHardwareFailureConfirmedVersion2WithTheSiteAndTheTicketShowsEachRmaStep() {
        String s = serial();
        String ticketId = triagedHardwareFailure("P-TL", s);
        EventEnvelope confirmed = TopicProbe.events(Topics.TICKETS, ticketId, 2, Duration.ofSeconds(20)).stream()
                .filter(e -> e.type().equals("HardwareFailureConfirmed")).findFirst().orElseThrow();
        assertThat(confirmed.schemaVersion()).isEqualTo(2);
        assertThat(confirmed.payload().get("siteCountry").asText()).isEqualTo("US");
        assertThat(confirmed.payload().get("siteSubdivision").asText()).isEqualTo("NY");
        assertThat(confirmed.payload().get("timeZone").asText()).isEqualTo("America/New_York");

        String rma = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-12-22T15:00:00Z");
        UUID authorisedId = UUID.randomUUID();
        rmaService(new RmaAuthorised(rma, "P-TL", "CU-9", "C-1", s, "CCX-500", "HARDWARE_FAILURE", ticketId, t0,
                LocalDate.of(2026, 12, 22)), authorisedId, t0);
        rmaService(new RmaAuthorised(rma, "P-TL", "CU-9", "C-1", s, "CCX-500", "HARDWARE_FAILURE", ticketId, t0,
                LocalDate.of(2026, 12, 22)), authorisedId, t0); // redelivered
        // an older producer's shipment without the ticket id: found through the RMA already linked to the ticket
        rmaService(new ReplacementShipped(rma, "P-TL", "CU-9", "C-1", s, "REPL1", "CCX-500", t0.plusSeconds(3600),
                LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 8), null, "UPS", "1Z999AA1", "America/New_York"),
                t0.plusSeconds(3600));
        rmaService(new ReplacementDelivered(rma, ticketId, "P-TL", "CU-9", s, "REPL1", LocalDate.of(2026, 12, 24),
                LocalDate.of(2027, 1, 11), t0.plusSeconds(86400)), t0.plusSeconds(86400 * 2));
        rmaService(new ReturnOverdue(rma, ticketId, "P-TL", "CU-9", "C-1", s, "CCX-500", "US", "NORTH_AMERICA", "USD",
                "NA-USD", LocalDate.of(2027, 1, 11), LocalDate.of(2027, 1, 12), Instant.parse("2027-01-12T05:00:00Z")),
                Instant.parse("2027-01-12T05:00:00Z"));
        Instant received = Instant.parse("2027-01-20T16:00:00Z");
        rmaService(new DefectiveUnitReceived(rma, "P-TL", s, "CCX-500", LocalDate.of(2027, 1, 20), ticketId,
                LocalDate.of(2027, 1, 11), true), received);
        rmaService(new LateReturnReceived(rma, ticketId, "P-TL", "CU-9", "C-1", s, "CCX-500", LocalDate.of(2027, 1, 11),
                LocalDate.of(2027, 1, 12), LocalDate.of(2027, 1, 20)), received);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ticket("P-TL", ticketId).getList("timeline.step")).containsExactly("OPENED", "TRIAGED",
                        "RMA_AUTHORISED", "REPLACEMENT_SHIPPED", "REPLACEMENT_DELIVERED", "RETURN_OVERDUE",
                        "DEFECTIVE_UNIT_RECEIVED", "LATE_RETURN_RECEIVED"));
        JsonPath view = ticket("P-TL", ticketId);
        assertThat(view.getString("rmaId")).isEqualTo(rma);
        assertThat(view.getString("rmaStatus")).isEqualTo("RECEIVED");
        List<Map<String, Object>> timeline = view.getList("timeline");
        assertThat((String) timeline.get(3).get("detail")).contains("UPS").contains("1Z999AA1");
        assertThat((String) timeline.get(4).get("detail")).contains("2027-01-11");
        assertThat((String) timeline.get(5).get("detail")).contains("NA-USD");
        assertThat(timeline.get(2).get("rmaId")).isEqualTo(rma);
        // another partner does not see the ticket at all
        given().header("Authorization", Tokens.partner("P-OTHER")).get("/tickets/" + ticketId).then().statusCode(404);
    }

    @Test
    void eachRefusalReasonReachesTheTicketWithItsRule() {
        Map<String, String> reasons = Map.of(
                "E4", "FIRE is never covered, with or without the extended option (E4).",
                "P2", "The customer's site in JP is outside North America and EMEA (P2).",
                "P3", "Device is not covered on 2026-12-01: its service period starts on 2027-01-01.",
                "E2", "LIQUID_SPILL is covered only with the extended option (E2).",
                "A1", "Device already has the open RMA 8a7b6c5d; one advance replacement at a time per device (A1).");
        Map<String, String> tickets = new java.util.HashMap<>();
        reasons.forEach((rule, reason) -> {
            String s = serial();
            String ticketId = triagedHardwareFailure("P-RF", s);
            tickets.put(rule, ticketId);
            rmaService(new RmaRefused(ticketId, "P-RF", "CU-9", s, "HARDWARE_FAILURE", rule, reason,
                    "A1".equals(rule) ? "8a7b6c5d-0000-4000-8000-000000000000" : null, Instant.now()), Instant.now());
        });
        tickets.forEach((rule, ticketId) -> await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath view = ticket("P-RF", ticketId);
            assertThat(view.getString("rmaStatus")).isEqualTo("REFUSED");
            assertThat(view.getString("rmaId")).isNull();
            assertThat(view.getString("timeline[2].step")).isEqualTo("RMA_REFUSED");
            assertThat(view.getString("timeline[2].rule")).isEqualTo(rule);
            assertThat(view.getString("timeline[2].detail")).contains(reasons.get(rule));
        }));
        given().header("Authorization", Tokens.partner("P-RF")).get("/tickets/" + tickets.get("A1")).then()
                .body("timeline[2].rmaId", equalTo("8a7b6c5d-0000-4000-8000-000000000000"));
    }

    @Test
    void anRmaEventForAnotherPartnersTicketIsDeadLetteredAndChangesNothing() {
        String s = serial();
        String ticketId = triagedHardwareFailure("P-OWN", s);
        rmaService(new RmaAuthorised(UUID.randomUUID().toString(), "P-THIEF", "CU-9", "C-1", s, "CCX-500", "HARDWARE_FAILURE",
                ticketId, Instant.now(), LocalDate.of(2026, 12, 22)), Instant.now());
        var dead = TopicProbe.read(Topics.deadLetter("ticket-service"), Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> r.value().contains(ticketId)));
        assertThat(dead).anyMatch(r -> r.value().contains(ticketId));
        JsonPath view = ticket("P-OWN", ticketId);
        assertThat(view.getString("rmaId")).isNull();
        assertThat(view.getList("timeline.step")).containsExactly("OPENED", "TRIAGED");
    }
}
