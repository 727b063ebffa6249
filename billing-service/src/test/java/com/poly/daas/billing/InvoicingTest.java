package com.poly.daas.billing;

import static com.poly.daas.billing.ContractFeed.activated;
import static com.poly.daas.billing.ContractFeed.awaitAccount;
import static com.poly.daas.billing.ContractFeed.enrolled;
import static com.poly.daas.billing.ContractFeed.envelope;
import static com.poly.daas.billing.ContractFeed.id;
import static com.poly.daas.billing.ContractFeed.invoiced;
import static com.poly.daas.billing.ContractFeed.run;
import static com.poly.daas.billing.ContractFeed.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class InvoicingTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-1");
        ProgrammeFacts.known("P-B1");
        ProgrammeFacts.known("P-R");
    }
    @Inject
    MutableClock clock;
    @Inject
    jakarta.persistence.EntityManager em;

    @BeforeEach
    void earlyNovember2026() {
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        List.of("P-B1", "P-R", "P-1").forEach(ProgrammeFacts::known);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonPath invoiceOf(String contractId, String month) {
        JsonPath invoices = ContractFeed.invoicesWithLines(contractId, month);
        assertThat(invoices.getList("items")).hasSize(1);
        return invoices;
    }

    @Test
    void B1_devicesStartingMidMonthEndingMidMonthOrWithTheExtendedOptionAreProratedByDay() {
        String contractId = id("C-");
        String midMonth = id("SA");
        String extended = id("SB");
        String ended = id("SC");
        String undelivered = id("SD");
        send(activated(contractId, "P-B1", LocalDate.of(2026, 9, 1)));
        send(enrolled(contractId, "P-B1", midMonth, LocalDate.of(2026, 10, 11), "STANDARD", "31.00", null));
        send(enrolled(contractId, "P-B1", extended, LocalDate.of(2026, 9, 15), "EXTENDED", "25.00", "6.20"));
        send(enrolled(contractId, "P-B1", ended, LocalDate.of(2026, 9, 1), "STANDARD", "31.00", null));
        send(enrolled(contractId, "P-B1", undelivered, null, "STANDARD", "31.00", null));
        send(new DeviceCoverageEnded(contractId, ended, "P-B1", LocalDate.of(2026, 10, 25), "REPLACED"));
        awaitAccount(contractId, 4);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner("P-B1")).get("/billing-accounts/" + contractId).then()
                        .body("devices.find { it.serial == '" + ended + "' }.endedOn", equalTo("2026-10-25")));

        invoiced("2026-10");

        JsonPath invoice = invoiceOf(contractId, "2026-10");
        String line = "items[0].lines.find { it.serial == '%s' }.";
        assertThat(invoice.getString(line.formatted(midMonth) + "days")).isEqualTo("21");
        assertThat(invoice.getString(line.formatted(midMonth) + "daysInMonth")).isEqualTo("31");
        assertThat(invoice.getString(line.formatted(midMonth) + "periodFrom")).isEqualTo("2026-10-11");
        assertThat(invoice.getString(line.formatted(midMonth) + "amount.amount")).isEqualTo("21.00");
        assertThat(invoice.getString(line.formatted(midMonth) + "amount.currency")).isEqualTo("USD");
        assertThat(invoice.getString(line.formatted(extended) + "amount.amount")).isEqualTo("31.20");
        assertThat(invoice.getString(line.formatted(extended) + "extendedFee.amount")).isEqualTo("6.20");
        assertThat(invoice.getString(line.formatted(ended) + "days")).isEqualTo("24");
        assertThat(invoice.getString(line.formatted(ended) + "periodTo")).isEqualTo("2026-10-24");
        assertThat(invoice.getString(line.formatted(ended) + "amount.amount")).isEqualTo("24.00");
        assertThat(invoice.getList("items[0].lines.serial")).as("P3: not delivered, not billed").doesNotContain(undelivered);
        assertThat(invoice.getString("items[0].total.amount")).isEqualTo("76.20");
        assertThat(invoice.getString("items[0].partnerId")).isEqualTo("P-B1");
        assertThat(invoice.getString("items[0].number")).as("B1: numbered per issuing entity and year").matches("NA-2026-\\d{6}");
        assertThat(invoice.getString("items[0].issuingEntity")).isEqualTo("NA");
        assertThat(invoice.getString("items[0].documentType")).isEqualTo("INVOICE");
        assertThat(invoice.getString("items[0].status")).isEqualTo("ISSUED");
        assertThat(invoice.getString("items[0].issuedOn")).isEqualTo("2026-11-05");

        String invoiceId = invoice.getString("items[0].id");
        given().header("Authorization", Tokens.partner("P-B1")).get("/invoices/" + invoiceId).then().statusCode(200)
                .body("total.amount", equalTo("76.20")).body("lines", hasSize(3)).body("month", equalTo("2026-10"))
                .body("lines.lineNo", org.hamcrest.Matchers.contains(1, 2, 3))
                .body("lines.rules", org.hamcrest.Matchers.everyItem(equalTo(List.of("B1"))))
                .body("lines.serviceMonth", org.hamcrest.Matchers.everyItem(equalTo("2026-10")));
        List<EventEnvelope> events = TopicProbe.events(Topics.BILLING, invoiceId, 1, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("InvoiceIssued");
        assertThat(events.get(0).payload().get("total").get("amount").asText()).isEqualTo("76.20");
        assertThat(events.get(0).payload().get("total").get("currency").asText()).isEqualTo("USD");
        assertThat(events.get(0).payload().get("contractId").asText()).isEqualTo(contractId);
        assertThat(events.get(0).payload().get("number").asText()).as("B1: partner ERPs match the event by its number")
                .isEqualTo(invoice.getString("items[0].number"));
        assertThat(events.get(0).payload().get("issuingEntity").asText()).isEqualTo("NA");
        assertThat(events.get(0).producer()).isEqualTo("billing-service");
    }

    @Test
    void B3_twoRunsOfTheSameMonthAtOnceShareTheWorkAndInvoiceEachContractExactlyOnceWithGapFreeNumbers() {
        List<String> ours = IntStream.range(0, 12).mapToObj(i -> id("C-")).toList();
        for (String contractId : ours) {
            send(activated(contractId, "P-B3", LocalDate.of(2025, 3, 1)));
            send(enrolled(contractId, "P-B3", id("SE"), LocalDate.of(2025, 3, 1), "STANDARD", "40.00", null));
            send(new ContractTerminated(contractId, "P-B3", LocalDate.of(2025, 4, 1), "end of trial"));
        }
        ours.forEach(c -> await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/billing-accounts/" + c).then().statusCode(200)
                        .body("endedOn", equalTo("2025-04-01")).body("devices", hasSize(1))));

        // two run executors of the same month at once, each settling contracts on its own threads
        List<CompletableFuture<String>> starts = IntStream.range(0, 2).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                run("2025-03", null).statusCode(202).body("status", equalTo("RUNNING")).extract().<String>path("id"))).toList();
        List<JsonPath> runs = starts.stream().map(CompletableFuture::join).map(ContractFeed::completed).toList();

        List<String> settled = new java.util.ArrayList<>();
        for (JsonPath run : runs) {
            assertThat(run.getInt("progress.pending")).isZero();
            settled.addAll(given().header("Authorization", Tokens.agent()).queryParam("status", "INVOICED").queryParam("limit", 200)
                    .get("/invoice-runs/" + run.getString("id") + "/contracts").then().statusCode(200).extract().jsonPath()
                    .getList("items.contractId", String.class));
        }
        assertThat(settled.stream().filter(ours::contains)).as("each contract settled by exactly one of the runs")
                .hasSize(12).doesNotHaveDuplicates();
        List<String> numbers = ours.stream().map(c -> invoiceOf(c, "2025-03")).peek(i ->
                assertThat(i.getString("items[0].total.amount")).isEqualTo("40.00")).map(i -> i.getString("items[0].number")).toList();
        assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.matches("NA-2026-\\d{6}"));
        assertGapFree("NA", 2026);

        // re-running the month issues nothing
        JsonPath again = invoiced("2025-03");
        assertThat(again.getInt("invoicesCreated")).isZero();
        assertThat(again.getInt("progress.contracts")).isZero();
        ours.forEach(c -> invoiceOf(c, "2025-03"));
        String invoiceId = invoiceOf(ours.get(0), "2025-03").getString("items[0].id");
        assertThat(TopicProbe.events(Topics.BILLING, invoiceId, 1, Duration.ofSeconds(20))).hasSize(1);
    }

    /** B1: the numbers of an entity's year are exactly 1..N: none skipped, none twice. */
    void assertGapFree(String entity, int year) {
        List<?> numbers = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select number from invoice where number like ?1 order by number").setParameter(1, entity + "-" + year + "-%")
                .getResultList());
        assertThat(numbers).isNotEmpty();
        for (int i = 0; i < numbers.size(); i++) {
            assertThat(numbers.get(i)).isEqualTo(entity + "-" + year + "-" + String.format("%06d", i + 1));
        }
    }

    @Test
    void B1_onlyEndedMonthsAreInvoicedAndTheRunIsForAdminsWithIdempotencyKey() {
        run("2026-11", null).statusCode(422).body("rule", equalTo("B1")).body("errors.field", hasItem("month"));
        run("2027-01", null).statusCode(422).body("rule", equalTo("B1"));
        run("2026-13", null).statusCode(400).body("errors.field", hasItem("month"));
        given().header("Authorization", Tokens.admin()).contentType("application/json").body("{\"month\":\"2026-07\",\"issuingEntity\":\"APAC\"}")
                .post("/invoice-runs").then().statusCode(400).body("errors.field", hasItem("issuingEntity"));
        given().header("Authorization", Tokens.agent()).contentType("application/json").body("{\"month\":\"2026-07\"}")
                .post("/invoice-runs").then().statusCode(403);
        given().header("Authorization", Tokens.partner("P-1")).contentType("application/json").body("{\"month\":\"2026-07\"}")
                .post("/invoice-runs").then().statusCode(403);
        String key = UUID.randomUUID().toString();
        String first = run("2026-07", key).statusCode(202).header("Location", containsString("/invoice-runs/")).extract().path("id");
        run("2026-07", key).statusCode(202).header("Idempotency-Replayed", "true").body("id", equalTo(first));
        given().header("Authorization", Tokens.admin()).header("Idempotency-Key", key).contentType("application/json")
                .body("{\"month\":\"2026-06\"}").post("/invoice-runs").then().statusCode(422)
                .body("type", containsString("idempotency-key-reused"));
        given().header("Authorization", Tokens.agent()).queryParam("month", "October").get("/invoices")
                .then().statusCode(400).body("errors.field", hasItem("month"));
        given().header("Authorization", Tokens.agent()).get("/invoice-runs/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", Tokens.agent()).get("/invoice-runs/not-a-run").then().statusCode(404);
        given().header("Authorization", Tokens.agent()).queryParam("status", "LOST").get("/invoice-runs/" + first + "/contracts")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        ContractFeed.completed(first);
    }

    @Test
    void B1_replicaAppliesEachEventOnceAndAContractEndStopsBilling() {
        String contractId = id("C-");
        UUID activation = UUID.randomUUID();
        String activatedEvent = envelope(activated(contractId, "P-R", LocalDate.of(2026, 5, 1)), activation);
        TopicProbe.send(Topics.CONTRACTS, contractId, activatedEvent);
        TopicProbe.send(Topics.CONTRACTS, contractId, activatedEvent); // redelivered
        String enrolment = envelope(enrolled(contractId, "P-R", id("SF"), LocalDate.of(2026, 5, 1), "STANDARD", "30.00", null),
                UUID.randomUUID());
        TopicProbe.send(Topics.CONTRACTS, contractId, enrolment);
        TopicProbe.send(Topics.CONTRACTS, contractId, enrolment); // redelivered
        send(new ContractTerminated(contractId, "P-R", LocalDate.of(2026, 6, 16), "customer insolvency"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner("P-R")).get("/billing-accounts/" + contractId).then()
                        .statusCode(200).body("status", equalTo("ENDED")).body("endedOn", equalTo("2026-06-16"))
                        .body("devices", hasSize(1)).body("devices[0].monthlyFee.amount", equalTo("30.00")));
        BillingContract row = QuarkusTransaction.requiringNew().call(() -> BillingContract.<BillingContract>findById(contractId));
        assertThat(row.eventsApplied).as("three distinct events, duplicates skipped").isEqualTo(3);

        invoiced("2026-06");
        assertThat(invoiceOf(contractId, "2026-06").getString("items[0].total.amount")).as("15 of 30 days").isEqualTo("15.00");
        invoiced("2026-07");
        given().header("Authorization", Tokens.agent()).queryParam("contractId", contractId).queryParam("month", "2026-07")
                .get("/invoices").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPoisonContractEventGoesToTheDeadLetterTopic() {
        String contractId = id("C-");
        send(activated(contractId, "P-X", LocalDate.of(2026, 5, 1)));
        var euroDevice = new com.poly.daas.events.contracts.DeviceEnrolled(contractId, id("SG"), "CCX-500", "P-X", "CU-1", "US",
                LocalDate.of(2026, 5, 1), LocalDate.of(2029, 5, 1), "STANDARD",
                com.poly.daas.events.Money.of("30.00", "EUR"), null, null);
        send(euroDevice);
        var dead = TopicProbe.read(Topics.deadLetter("billing-service"), Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> contractId.equals(r.key())));
        var record = dead.stream().filter(r -> contractId.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, "dead-letter-reason")).contains("billed in USD");
        given().header("Authorization", Tokens.agent()).get("/billing-accounts/" + contractId).then().statusCode(200)
                .body("devices", hasSize(0));
    }
}
