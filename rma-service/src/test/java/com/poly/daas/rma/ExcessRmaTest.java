package com.poly.daas.rma;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Money;
import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** E5 on the real broker and database: authorised RMAs counted per customer and calendar year against the base. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ExcessRmaTest {
    @Inject
    MutableClock clock;
    @Inject
    InboundEvents inbound;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static void enrol(String partner, String customer, String contract, int devices, LocalDate from) {
        for (int i = 0; i < devices; i++) {
            DeviceEnrolled e = new DeviceEnrolled(contract, id("S"), "CCX-500", partner, customer, "US", from,
                    from.plusMonths(36), "STANDARD", Money.of("20.00", "USD"), null, null);
            TopicProbe.send(Topics.CONTRACTS, contract, EventJson.write(EventJson.envelope(e, UUID.randomUUID(), Instant.now(), "contract-service")));
        }
        // the contract's events are ordered: the last one applied means all were
        ProgrammeFacts.applied(Topics.CONTRACTS, new DeviceEnrolled(contract, id("S"), "CCX-500", partner, customer, "US",
                from, from.plusMonths(36), "STANDARD", Money.of("20.00", "USD"), null, null), "contract-service");
    }

    private static RmaAuthorised authorised(String rmaId, String partner, String customer, String contract, String at) {
        return new RmaAuthorised(rmaId, partner, customer, contract, id("S"), "CCX-500", "HARDWARE_FAILURE", null,
                Instant.parse(at), LocalDate.parse(at.substring(0, 10)));
    }

    private static void rma(RmaAuthorised event) {
        ProgrammeFacts.applied(Topics.RMAS, event, "rma-service");
    }

    private static List<EventEnvelope> excessOf(String rmaId) {
        return TopicProbe.read(Topics.RMAS, Duration.ofSeconds(5), rs -> false).stream()
                .filter(r -> rmaId.equals(r.key())).map(r -> EventJson.readEnvelope(r.value()))
                .filter(e -> e.type().equals("ExcessRmaDetected")).toList();
    }

    @Test
    void E5_exactlyTwoPercentIsNoExcess_theNextRmaIs_onceEvenRedelivered_andANewYearStartsAfresh() {
        String partner = ProgrammeFacts.newPartner();
        String customer = ProgrammeFacts.customer(partner); // New York
        String contract = id("C-");
        enrol(partner, customer, contract, 49, LocalDate.of(2026, 1, 1)); // + 1 in enrol() = 50
        String first = id("RMA-");
        String second = id("RMA-");
        String newYearsEve = id("RMA-");
        String newYear = id("RMA-");
        rma(authorised(first, partner, customer, contract, "2026-03-10T15:00:00Z"));
        RmaAuthorised secondEvent = authorised(second, partner, customer, contract, "2026-03-11T15:00:00Z");
        rma(secondEvent);
        rma(secondEvent); // delivered again under a new event id
        rma(authorised(newYearsEve, partner, customer, contract, "2027-01-01T04:30:00Z")); // 23:30 on 31 Dec in New York
        rma(authorised(newYear, partner, customer, contract, "2027-01-01T15:00:00Z"));

        List<EventEnvelope> excess = await().atMost(Duration.ofSeconds(30)).until(() -> excessOf(second), l -> !l.isEmpty());
        assertThat(excess).as("once for the RMA that went above 2 %").hasSize(1);
        var payload = excess.get(0).payload();
        assertThat(payload.get("year").asInt()).isEqualTo(2026);
        assertThat(payload.get("rmasAuthorised").asInt()).isEqualTo(2);
        assertThat(payload.get("installedBase").asText()).isEqualTo("50.0000");
        assertThat(payload.get("ratePercent").asText()).isEqualTo("4.00");
        assertThat(payload.get("thresholdPercent").asText()).isEqualTo("2");
        assertThat(payload.get("priceList").asText()).isEqualTo("NA-USD");
        assertThat(payload.get("currency").asText()).isEqualTo("USD");
        assertThat(payload.get("authorisedOn").asText()).isEqualTo("2026-03-11");
        assertThat(excess.get(0).producer()).isEqualTo("rma-service");
        assertThat(excessOf(first)).as("1 / 50 is exactly 2 %: no excess").isEmpty();
        List<EventEnvelope> eve = await().atMost(Duration.ofSeconds(30)).until(() -> excessOf(newYearsEve), l -> !l.isEmpty());
        assertThat(eve.get(0).payload().get("year").asInt()).as("the customer's local date").isEqualTo(2026);
        assertThat(eve.get(0).payload().get("rmasAuthorised").asInt()).isEqualTo(3);
        assertThat(excessOf(newYear)).as("2027 starts at 1 / 50 = 2 %").isEmpty();

        clock.set(Instant.parse("2027-02-10T12:00:00Z"));
        given().header("Authorization", Tokens.partner(partner)).get("/customers/" + customer + "/rma-rates/2026").then()
                .statusCode(200).body("rmasAuthorised", equalTo(3)).body("installedBase", equalTo("50.0000"))
                .body("ratePercent", equalTo("6.00")).body("thresholdPercent", equalTo("2"))
                .body("aboveThreshold", equalTo(true)).body("monthEndCounts", hasSize(12))
                .body("monthEndCounts.devices", hasItem(50));
        given().header("Authorization", Tokens.agent()).get("/customers/" + customer + "/rma-rates/2027").then()
                .statusCode(200).body("rmasAuthorised", equalTo(1)).body("ratePercent", equalTo("2.00"))
                .body("aboveThreshold", equalTo(false));
        String outsider = ProgrammeFacts.newPartner();
        given().header("Authorization", Tokens.partner(outsider)).get("/customers/" + customer + "/rma-rates/2026").then()
                .statusCode(404);
        given().header("Authorization", Tokens.agent()).get("/customers/" + customer + "/rma-rates/last-year").then()
                .statusCode(400).body("errors.field", hasItem("year"));
    }

    @Test
    void E5_anInstalledBaseGrowingMidYearCountsByItsMonthEnds() {
        String partner = ProgrammeFacts.newPartner();
        String customer = ProgrammeFacts.customer(partner);
        enrol(partner, customer, id("C-"), 19, LocalDate.of(2026, 1, 1)); // 20 from January
        enrol(partner, customer, id("C-"), 39, LocalDate.of(2026, 6, 15)); // 40 more from 15 June
        String rmaId = id("RMA-");
        rma(authorised(rmaId, partner, customer, id("C-"), "2026-07-10T15:00:00Z"));
        List<EventEnvelope> excess = await().atMost(Duration.ofSeconds(30)).until(() -> excessOf(rmaId), l -> !l.isEmpty());
        assertThat(excess.get(0).payload().get("installedBase").asText()).as("(5 x 20 + 60 + 60) / 7").isEqualTo("31.4286");
        assertThat(excess.get(0).payload().get("ratePercent").asText()).isEqualTo("3.18");
    }
}
