package com.poly.daas.billing;

import static com.poly.daas.billing.ContractFeed.activated;
import static com.poly.daas.billing.ContractFeed.invoiced;
import static com.poly.daas.billing.ContractFeed.run;
import static com.poly.daas.billing.PenaltyFeed.charge;
import static com.poly.daas.billing.PenaltyFeed.chargeOf;
import static com.poly.daas.billing.PenaltyFeed.decide;
import static com.poly.daas.billing.PenaltyFeed.envelope;
import static com.poly.daas.billing.PenaltyFeed.etag;
import static com.poly.daas.billing.PenaltyFeed.excess;
import static com.poly.daas.billing.PenaltyFeed.id;
import static com.poly.daas.billing.PenaltyFeed.lateReturn;
import static com.poly.daas.billing.PenaltyFeed.overdue;
import static com.poly.daas.billing.PenaltyFeed.price;
import static com.poly.daas.billing.PenaltyFeed.rma;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.billing.messaging.PenaltyEventsConsumer;
import com.poly.daas.billing.messaging.PriceReplicaConsumer;
import com.poly.daas.billing.service.PriceCatalogue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import com.poly.daas.events.Topics;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Penalty charges from rma-service's events on the real broker and database (A4, E5, B2, B3). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PenaltyChargesTest {
    static final LocalDate PRICE_CHANGE = LocalDate.of(2026, 10, 14);

    @Inject
    MutableClock clock;
    @Inject
    InboundEvents inbound;
    @Inject
    PenaltyEventsConsumer consumer;
    @Inject
    PriceReplicaConsumer prices;
    @Inject
    PriceCatalogue catalogue;

    String partner;
    String contract;
    String sku;

    @BeforeEach
    void aPartnerAContractAndAPriceHistory() {
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        partner = ProgrammeFacts.known("P-PEN");
        contract = id("C-");
        sku = id("SKU-");
        ProgrammeFacts.applied(Topics.CONTRACTS, activated(contract, partner, LocalDate.of(2026, 1, 1)), "contract-service");
        price(sku, "NA-USD", "199.00", "USD", LocalDate.of(2026, 1, 1)); // a seed price
        price(sku, "EMEA-EUR", "185.00", "EUR", LocalDate.of(2026, 1, 1));
        price(sku, "NA-USD", "249.00", "USD", PRICE_CHANGE);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonPath invoiceOf(String contractId, String month) {
        return ContractFeed.invoicesWithLines(contractId, month);
    }

    @Test
    void A4_B2_aPenaltyIsPricedAtTheListPriceInForceOnTheDayItArose_eachSideOfAPriceChange() {
        String before = id("RMA-");
        String onTheDay = id("RMA-");
        rma(overdue(before, partner, contract, sku, PRICE_CHANGE.minusDays(1)));
        rma(overdue(onTheDay, partner, contract, sku, PRICE_CHANGE));

        JsonPath old = chargeOf(before);
        assertThat(old.getList("items")).hasSize(1);
        assertThat(old.getString("items[0].amount.amount")).isEqualTo("199.00");
        assertThat(old.getString("items[0].amount.currency")).isEqualTo("USD");
        assertThat(old.getString("items[0].priceValidFrom")).isEqualTo("2026-01-01");
        assertThat(old.getString("items[0].status")).isEqualTo("APPROVED");
        assertThat(old.getString("items[0].cause")).isEqualTo("UNRETURNED_UNIT");
        assertThat(old.getList("items[0].rules")).containsExactly("A4", "B2", "B3");
        JsonPath current = chargeOf(onTheDay);
        assertThat(current.getString("items[0].amount.amount")).isEqualTo("249.00");
        assertThat(current.getString("items[0].priceValidFrom")).isEqualTo(PRICE_CHANGE.toString());
        assertThat(current.getString("items[0].priceList")).isEqualTo("NA-USD");
        assertThat(current.getString("items[0].aroseOn")).isEqualTo(PRICE_CHANGE.toString());

        // a price announced later for a later day does not reprice a charge already raised
        price(sku, "NA-USD", "299.00", "USD", LocalDate.of(2026, 12, 1));
        assertThat(chargeOf(onTheDay).getString("items[0].amount.amount")).isEqualTo("249.00");

        // the price topic replayed from the start into an empty inbox leaves the same catalogue
        var records = TopicProbe.read(Topics.REGISTRY_MODELS, Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> sku.equals(r.key())).count() >= 4);
        String replay = "billing-service.price-replica-replay-" + UUID.randomUUID();
        records.stream().filter(r -> sku.equals(r.key())).forEach(r -> inbound.process(replay, r.value(), prices::apply));
        assertThat(QuarkusTransaction.requiringNew().call(() -> catalogue.of(sku)))
                .extracting(p -> p.priceList() + " " + p.validFrom() + " " + p.amount().stripTrailingZeros().toPlainString())
                .containsExactly("EMEA-EUR 2026-01-01 185", "NA-USD 2026-01-01 199", "NA-USD 2026-10-14 249",
                        "NA-USD 2026-12-01 299");
    }

    @Test
    void A4_B2_withoutAListPriceInForceTheChargeIsUnpricedWithTheReasonNeverZero() {
        String rmaId = id("RMA-");
        String unknownSku = id("SKU-");
        rma(overdue(rmaId, partner, contract, unknownSku, LocalDate.of(2026, 10, 20)));
        JsonPath page = chargeOf(rmaId);
        assertThat(page.getString("items[0].status")).isEqualTo("UNPRICED");
        assertThat(page.getString("items[0].amount")).isNull();
        assertThat(page.getString("items[0].unpricedReason")).contains("NA-USD").contains(unknownSku).contains("2026-10-20");
        String chargeId = page.getString("items[0].id");
        given().header("Authorization", Tokens.agent()).queryParam("status", "UNPRICED").queryParam("partnerId", partner)
                .queryParam("limit", 200).get("/charge-queue").then().statusCode(200).body("items.id", hasItem(chargeId));

        // a price valid before the day but in another currency only is not used either
        String euroOnly = id("SKU-");
        price(euroOnly, "EMEA-EUR", "150.00", "EUR", LocalDate.of(2026, 1, 1));
        String other = id("RMA-");
        rma(overdue(other, partner, contract, euroOnly, LocalDate.of(2026, 10, 20)));
        assertThat(chargeOf(other).getString("items[0].status")).isEqualTo("UNPRICED");

        // B2: an agent approves an UNPRICED charge only with a price, never at zero
        decide(chargeId, "approval", etag(chargeId), "{\"reason\":\"priced by hand\"}").statusCode(422)
                .body("errors.field", hasItem("price"));
        decide(chargeId, "approval", etag(chargeId), "{\"reason\":\"priced by hand\",\"price\":{\"amount\":\"0\",\"currency\":\"USD\"}}")
                .statusCode(400).body("errors.field", hasItem("price.amount"));
        decide(chargeId, "approval", etag(chargeId), "{\"reason\":\"priced by hand\",\"price\":{\"amount\":\"99.00\",\"currency\":\"EUR\"}}")
                .statusCode(400).body("errors.field", hasItem("price.currency"));
        assertThat(charge(chargeId).getString("status")).isEqualTo("UNPRICED");
        decide(chargeId, "approval", etag(chargeId), "{\"reason\":\"list price from the 2026 catalogue PDF\",\"price\":{\"amount\":\"219.00\",\"currency\":\"USD\"}}")
                .statusCode(200).body("status", equalTo("APPROVED")).body("amount.amount", equalTo("219.00"));
    }

    @Test
    void B3_theSameReturnOverdueDeliveredFiftyTimesAndTheTopicReplayedFromTheStartIsOneCharge() {
        String rmaId = id("RMA-");
        ReturnOverdue event = overdue(rmaId, partner, contract, sku, LocalDate.of(2026, 10, 20));
        String sameEvent = envelope(event, UUID.randomUUID());
        UUID last = UUID.randomUUID();
        for (int i = 0; i < 50; i++) {
            // half are redeliveries of one event id, half re-publications of the same fact under new event ids
            String value = i % 2 == 0 ? sameEvent : envelope(event, i == 49 ? last : UUID.randomUUID());
            TopicProbe.send(Topics.RMAS, rmaId, value);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> inbound.processedByAnyConsumer(last));
        assertThat(chargeOf(rmaId).getList("items")).hasSize(1);

        // a consumer reading the whole topic from the start with an empty inbox (a replay) adds nothing
        var records = TopicProbe.read(Topics.RMAS, Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> rmaId.equals(r.key())).count() >= 50);
        assertThat(records.stream().filter(r -> rmaId.equals(r.key()))).hasSize(50);
        String replay = "billing-service.penalties-replay-" + UUID.randomUUID();
        records.forEach(r -> inbound.process(replay, r.value(), consumer::apply));

        JsonPath charges = chargeOf(rmaId);
        assertThat(charges.getList("items")).hasSize(1);
        JsonPath one = charge(charges.getString("items[0].id"));
        assertThat(one.getList("history")).as("raised once, never re-raised").hasSize(1);
        assertThat(one.getString("amount.amount")).isEqualTo("249.00");
    }

    @Test
    void B3_consumersRacingOnTheSameReturnOverdueRaiseOneCharge() {
        String rmaId = id("RMA-");
        String value = envelope(overdue(rmaId, partner, contract, sku, LocalDate.of(2026, 10, 21)), UUID.randomUUID());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Boolean>> racers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return inbound.process("billing-service.penalties-racer-" + i + "-" + rmaId, value, consumer::apply);
        }, pool)).toList();
        start.countDown();
        assertThat(racers.stream().map(CompletableFuture::join)).as("each consumer applied it").containsOnly(true);
        pool.shutdown();
        assertThat(chargeOf(rmaId).getList("items")).hasSize(1);
        assertThat(charge(chargeOf(rmaId).getString("items[0].id")).getList("history")).hasSize(1);
    }

    @Test
    void A4_aLateUnitInsideTheGraceWindowIsCreditedOnTheNextInvoice_afterItTheChargeStands() {
        String inside = id("RMA-");
        String lastDay = id("RMA-");
        String outside = id("RMA-");
        LocalDate overdueOn = LocalDate.of(2026, 9, 10);
        ReturnOverdue insideEvent = overdue(inside, partner, contract, sku, overdueOn);
        ReturnOverdue lastDayEvent = overdue(lastDay, partner, contract, sku, overdueOn);
        ReturnOverdue outsideEvent = overdue(outside, partner, contract, sku, overdueOn);
        rma(insideEvent);
        rma(lastDayEvent);
        rma(outsideEvent);
        invoiced("2026-09");
        JsonPath september = invoiceOf(contract, "2026-09");
        assertThat(september.getList("items[0].lines.findAll { it.kind == 'CHARGE' }")).hasSize(3);
        assertThat(september.getString("items[0].total.amount")).isEqualTo("597.00");
        String insideCharge = chargeOf(inside).getString("items[0].id");
        assertThat(charge(insideCharge).getString("status")).isEqualTo("INVOICED");

        rma(lateReturn(insideEvent, LocalDate.of(2026, 10, 5)));
        rma(lateReturn(lastDayEvent, overdueOn.plusDays(30)));
        rma(lateReturn(outsideEvent, overdueOn.plusDays(31)));

        JsonPath credited = charge(insideCharge);
        assertThat(credited.getString("status")).isEqualTo("CREDITED");
        assertThat(credited.getString("lateReturnOn")).isEqualTo("2026-10-05");
        assertThat(charge(chargeOf(lastDay).getString("items[0].id")).getString("status")).as("day 30 is inside").isEqualTo("CREDITED");
        JsonPath stands = charge(chargeOf(outside).getString("items[0].id"));
        assertThat(stands.getString("status")).isEqualTo("INVOICED");
        assertThat(stands.getString("lateReturnNote")).contains("after the A4 grace window").contains("2026-10-10");
        assertThat(stands.getList("history.note")).anyMatch(n -> n.toString().contains("the charge stands"));

        ProgrammeFacts.known(partner);
        JsonPath notes = given().header("Authorization", Tokens.partner(partner)).queryParam("rmaId", inside)
                .get("/credit-notes").then().statusCode(200).body("items", hasSize(1)).extract().jsonPath();
        assertThat(notes.getString("items[0].chargeId")).isEqualTo(insideCharge);
        assertThat(notes.getString("items[0].amount.amount")).isEqualTo("199.00");
        assertThat(notes.getString("items[0].status")).isEqualTo("ISSUED");
        assertThat(notes.getList("items[0].rules")).contains("A4");
        given().header("Authorization", Tokens.agent()).queryParam("rmaId", outside).get("/credit-notes").then()
                .statusCode(200).body("items", hasSize(0));

        invoiced("2026-10");
        JsonPath october = invoiceOf(contract, "2026-10");
        List<Object> credits = october.getList("items[0].lines.findAll { it.kind == 'CREDIT' }.amount.amount");
        assertThat(credits).containsExactlyInAnyOrder("-199.00", "-199.00");
        assertThat(october.getString("items[0].total.amount")).isEqualTo("-398.00");
        assertThat(october.getList("items[0].lines.rmaId")).contains(inside, lastDay).doesNotContain(outside);
        given().header("Authorization", Tokens.agent()).get("/credit-notes/" + notes.getString("items[0].id")).then()
                .statusCode(200).body("status", equalTo("INVOICED")).body("invoiceMonth", equalTo("2026-10"));
    }

    @Test
    void A4_aUnitBackInsideTheGraceWindowBeforeItsChargeWasInvoicedIsNeverInvoiced() {
        String rmaId = id("RMA-");
        ReturnOverdue event = overdue(rmaId, partner, contract, sku, LocalDate.of(2026, 10, 20));
        rma(event);
        rma(lateReturn(event, LocalDate.of(2026, 10, 28)));
        String chargeId = chargeOf(rmaId).getString("items[0].id");
        assertThat(charge(chargeId).getString("status")).isEqualTo("CREDITED");
        given().header("Authorization", Tokens.agent()).queryParam("rmaId", rmaId).get("/credit-notes").then()
                .statusCode(200).body("items[0].status", equalTo("OFFSET"));
        invoiced("2026-10");
        assertThat(invoiceOf(contract, "2026-10").getList("items")).as("nothing due on the contract").isEmpty();
    }

    @Test
    void E5_aPendingChargeIsInvoicedOnlyOnceApproved_aWaivedOneNever() {
        String approvedRma = id("RMA-");
        String waivedRma = id("RMA-");
        rma(excess(approvedRma, partner, contract, sku, LocalDate.of(2026, 10, 2)));
        clock.set(Instant.parse("2026-11-05T08:05:00Z"));
        rma(excess(waivedRma, partner, contract, sku, LocalDate.of(2026, 10, 3)));
        String approved = chargeOf(approvedRma).getString("items[0].id");
        String waived = chargeOf(waivedRma).getString("items[0].id");
        JsonPath pending = charge(approved);
        assertThat(pending.getString("status")).isEqualTo("PENDING");
        assertThat(pending.getString("cause")).isEqualTo("EXCESS_RMA");
        assertThat(pending.getList("rules")).containsExactly("E5", "B2", "B3");
        assertThat(pending.getString("amount.amount")).as("priced before the 14 October change").isEqualTo("199.00");
        assertThat(pending.getString("details")).contains("3.00 %").contains("2.00 %");

        List<Object> queue = given().header("Authorization", Tokens.agent()).queryParam("customerId", "CU-" + contract)
                .queryParam("partnerId", partner).queryParam("cause", "EXCESS_RMA").queryParam("limit", 1).get("/charge-queue").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        String next = given().header("Authorization", Tokens.agent()).queryParam("customerId", "CU-" + contract)
                .queryParam("partnerId", partner).queryParam("cause", "EXCESS_RMA").queryParam("limit", 1).get("/charge-queue").then().extract().path("cursor");
        List<Object> second = given().header("Authorization", Tokens.agent()).queryParam("customerId", "CU-" + contract)
                .queryParam("partnerId", partner).queryParam("cause", "EXCESS_RMA").queryParam("limit", 1).queryParam("cursor", next).get("/charge-queue")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(queue).as("oldest first").containsExactly(approved);
        assertThat(second).containsExactly(waived);

        // a PENDING charge is never billed automatically
        invoiced("2026-10");
        assertThat(invoiceOf(contract, "2026-10").getList("items")).isEmpty();
        assertThat(charge(approved).getString("status")).isEqualTo("PENDING");

        decide(approved, "approval", etag(approved), "{\"reason\":\"three RMAs for one site, agreed with the partner\"}")
                .statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("agent@poly.example"));
        decide(waived, "waiver", etag(waived), "{\"reason\":\"batch defect acknowledged by Poly\"}")
                .statusCode(200).body("status", equalTo("WAIVED"));

        clock.set(Instant.parse("2026-12-03T08:00:00Z"));
        invoiced("2026-11");
        JsonPath november = invoiceOf(contract, "2026-11");
        assertThat(november.getList("items[0].lines")).hasSize(1);
        assertThat(november.getString("items[0].lines[0].kind")).isEqualTo("CHARGE");
        assertThat(november.getString("items[0].lines[0].rmaId")).isEqualTo(approvedRma);
        assertThat(november.getString("items[0].lines[0].amount.amount")).isEqualTo("199.00");
        assertThat(november.getList("items[0].lines[0].rules")).contains("E5", "B2");
        JsonPath invoiced = charge(approved);
        assertThat(invoiced.getString("status")).isEqualTo("INVOICED");
        assertThat(invoiced.getString("invoiceMonth")).isEqualTo("2026-11");
        assertThat(invoiced.getList("history.toStatus")).containsExactly("PENDING", "APPROVED", "INVOICED");
        assertThat(charge(waived).getString("status")).isEqualTo("WAIVED");
        assertThat(charge(waived).getString("invoiceId")).isNull();

        // the decision is audited
        given().header("Authorization", Tokens.admin()).get("/audit-entries?entityId=" + approved).then().statusCode(200)
                .body(containsString("charge.approved"));

        // the partner sees its charges with the rule ids and the RMA each comes from
        given().header("Authorization", Tokens.partner(partner)).queryParam("rmaId", approvedRma).get("/charges").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].rmaId", equalTo(approvedRma))
                .body("items[0].rules", hasItem("E5")).body("items[0].status", equalTo("INVOICED"));
    }

    @Test
    void badDecisionsAreProblemsAndChangeNothing() {
        String rmaId = id("RMA-");
        rma(excess(rmaId, partner, contract, sku, LocalDate.of(2026, 10, 5)));
        String chargeId = chargeOf(rmaId).getString("items[0].id");
        String tag = etag(chargeId);

        decide(chargeId, "waiver", tag, "{}").statusCode(400).body("errors.field", hasItem("reason"));
        decide(chargeId, "waiver", tag, "{\"reason\":\"  \"}").statusCode(400).body("errors.field", hasItem("reason"));
        decide(chargeId, "waiver", null, "{\"reason\":\"why not\"}").statusCode(428);
        decide(chargeId, "waiver", "\"41\"", "{\"reason\":\"why not\"}").statusCode(412);
        decide(UUID.randomUUID().toString(), "approval", "\"0\"", "{\"reason\":\"x\"}").statusCode(404);
        decide(chargeId, "approval", tag, "{\"reason\":\"x\",\"price\":{\"amount\":\"10.00\",\"currency\":\"USD\"}}")
                .statusCode(400).body("errors.field", hasItem("price"));
        given().header("Authorization", Tokens.partner(partner)).contentType("application/json").header("If-Match", tag)
                .body("{\"reason\":\"mine\"}").post("/charges/" + chargeId + "/waiver").then().statusCode(403);
        JsonPath unchanged = charge(chargeId);
        assertThat(unchanged.getString("status")).isEqualTo("PENDING");
        assertThat(unchanged.getString("decisionReason")).isNull();
        assertThat(etag(chargeId)).isEqualTo(tag);

        decide(chargeId, "waiver", tag, "{\"reason\":\"goodwill\"}").statusCode(200);
        String waivedTag = etag(chargeId);
        decide(chargeId, "approval", waivedTag, "{\"reason\":\"changed my mind\"}").statusCode(409)
                .header("Content-Type", containsString("problem+json")).body("detail", containsString("WAIVED"));
        decide(chargeId, "waiver", waivedTag, "{\"reason\":\"again\"}").statusCode(409);
        decide(chargeId, "approval", tag, "{\"reason\":\"stale\"}").statusCode(412);
        JsonPath still = charge(chargeId);
        assertThat(still.getString("status")).isEqualTo("WAIVED");
        assertThat(still.getString("decisionReason")).isEqualTo("goodwill");
        assertThat(still.getList("history")).hasSize(2);
        given().header("Authorization", Tokens.agent()).queryParam("status", "APPROVED").get("/charge-queue").then()
                .statusCode(400).body("errors.field", hasItem("status"));
        given().header("Authorization", Tokens.agent()).queryParam("cause", "FIRE").get("/charges").then()
                .statusCode(400).body("errors.field", hasItem("cause"));
        given().header("Authorization", Tokens.agent()).get("/charges/not-a-charge").then().statusCode(404)
                .body("invoiceId", nullValue());
    }
}
