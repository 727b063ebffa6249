package com.poly.daas.billing;

import static com.poly.daas.billing.ContractFeed.activated;
import static com.poly.daas.billing.ContractFeed.enrolled;
import static com.poly.daas.billing.ContractFeed.id;
import static com.poly.daas.billing.ContractFeed.invoiced;
import static com.poly.daas.billing.ContractFeed.invoicesWithLines;
import static com.poly.daas.billing.ContractFeed.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.billing.service.InvoiceNumbers;
import com.poly.daas.billing.service.InvoiceRuns;
import com.poly.daas.events.Money;
import com.poly.daas.events.contracts.ContractActivated;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 12: runs that settle each contract on its own, scheduled runs, gap-free numbers, late facts corrected (B1, B3). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class InvoiceRunsAndCorrectionsTest {
    static final String PARTNER = "P-RUNS";

    @Inject
    MutableClock clock;
    @Inject
    EntityManager em;
    @Inject
    InvoiceNumbers numbers;
    @Inject
    InvoiceRuns runs;

    @BeforeEach
    void earlyNovember2026() {
        clock.set(Instant.parse("2026-11-05T08:00:00Z"));
        ProgrammeFacts.known(PARTNER);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static void awaitEnded(String contractId, String endedOn, int devices) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/billing-accounts/" + contractId).then().statusCode(200)
                        .body("endedOn", equalTo(endedOn)).body("devices", hasSize(devices)));
    }

    static JsonPath onlyInvoice(String contractId, String month) {
        JsonPath invoices = invoicesWithLines(contractId, month);
        assertThat(invoices.getList("items")).hasSize(1);
        return invoices.setRootPath("items[0]");
    }

    void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    @Test
    void B1_aFailingContractIsReportedInTheRunAndTheOthersAreInvoiced_aLaterRunRetriesIt() {
        String good1 = id("C-");
        String good2 = id("C-");
        for (String c : List.of(good1, good2)) {
            send(activated(c, PARTNER, LocalDate.of(2025, 5, 1)));
            send(enrolled(c, PARTNER, id("SR"), LocalDate.of(2025, 5, 1), "STANDARD", "31.00", null));
            send(new ContractTerminated(c, PARTNER, LocalDate.of(2025, 6, 1), "trial over"));
            awaitEnded(c, "2025-06-01", 1);
        }
        // a replica row no invoice can be built from (a currency that does not exist): its contract fails
        String bad = id("C-");
        sql("""
                insert into billing_contract (contract_id, partner_id, customer_id, customer_country, currency, term_months,
                    activated_on, ended_on, end_reason, terminated_on, issuing_entity, updated_at)
                values (?1, ?2, 'CU-BAD', 'US', 'ZZZ', 12, date '2025-05-01', date '2025-06-01', 'TERMINATED: test', date '2025-06-01',
                    'NA', now())""", bad, PARTNER);
        sql("""
                insert into billable_device (id, partner_id, contract_id, serial, sku, coverage_start, coverage_end, coverage_option,
                    monthly_fee, currency, updated_at)
                values (gen_random_uuid(), ?2, ?1, ?3, 'CCX-500', date '2025-05-01', date '2026-05-01', 'STANDARD', 31, 'ZZZ', now())""",
                bad, PARTNER, id("SB"));

        JsonPath run = invoiced("2025-05");
        assertThat(run.getString("status")).isEqualTo("COMPLETED");
        assertThat(run.getInt("progress.failed")).isGreaterThanOrEqualTo(1);
        assertThat(run.getList("failures.contractId")).contains(bad);
        assertThat(run.getString("failures.find { it.contractId == '" + bad + "' }.detail")).contains("ZZZ");
        assertThat(run.getString("failures.find { it.contractId == '" + bad + "' }.status")).isEqualTo("FAILED");
        given().header("Authorization", Tokens.agent()).queryParam("status", "FAILED").get("/invoice-runs/" + run.getString("id") + "/contracts")
                .then().statusCode(200).body("items.contractId", org.hamcrest.Matchers.hasItem(bad));
        assertThat(onlyInvoice(good1, "2025-05").getString("total.amount")).isEqualTo("31.00");
        assertThat(onlyInvoice(good2, "2025-05").getString("total.amount")).isEqualTo("31.00");
        assertThat(invoicesWithLines(bad, "2025-05").getList("items")).isEmpty();

        // the replica is put right; the next run of the month retries the failed contract only
        sql("update billing_contract set currency = 'USD' where contract_id = ?1", bad);
        sql("update billable_device set currency = 'USD' where contract_id = ?1", bad);
        JsonPath retry = invoiced("2025-05");
        assertThat(retry.getInt("progress.failed")).isZero();
        assertThat(retry.getInt("invoicesCreated")).isGreaterThanOrEqualTo(1);
        assertThat(onlyInvoice(bad, "2025-05").getString("total.amount")).isEqualTo("31.00");
        assertThat(invoicesWithLines(good1, "2025-05").getList("items")).as("never twice (B3)").hasSize(1);
    }

    @Test
    void B1_B3_aBatchOfContractsThatFailsInTheDatabaseIsSettledAgainOneByOne_theBadContractFailsAlone_noNumberIsSkipped() {
        // three plain contracts settled in one batch transaction; one of them already has an invoice of the month (the
        // unique (contract, month) refuses a second): the batch rolls back with the numbers it took, and each contract
        // is settled again on its own
        List<String> contracts = IntStream.range(0, 3).mapToObj(i -> id("C-")).sorted().toList();
        for (String c : contracts) {
            sql("""
                    insert into billing_contract (contract_id, partner_id, customer_id, customer_country, currency, term_months,
                        activated_on, ended_on, end_reason, terminated_on, issuing_entity, updated_at)
                    values (?1, ?2, 'CU-1', 'US', 'USD', 12, date '2024-04-01', date '2024-05-01', 'TERMINATED: test',
                        date '2024-05-01', 'NA', now())""", c, PARTNER);
            sql("""
                    insert into billable_device (id, partner_id, contract_id, serial, sku, coverage_start, coverage_end,
                        coverage_option, monthly_fee, currency, updated_at)
                    values (gen_random_uuid(), ?2, ?1, ?3, 'CCX-500', date '2024-04-01', date '2027-04-01', 'STANDARD', 30, 'USD', now())""",
                    c, PARTNER, id("SB"));
        }
        String bad = contracts.get(1);
        java.util.UUID earlier = java.util.UUID.randomUUID();
        sql("""
                insert into invoice_run (id, month, requested_by, started_at, invoices_created, already_invoiced, status)
                values (?1, '2024-04', 'test', now(), 1, 0, 'COMPLETED')""", earlier);
        sql("""
                insert into invoice (id, partner_id, contract_id, month, currency, total, issued_at, run_id, number, issuing_entity,
                    issued_on) values (gen_random_uuid(), ?2, ?1, '2024-04', 'USD', 1, now(), ?3, ?4, 'NA', date '2024-05-02')""",
                bad, PARTNER, earlier, "X-" + bad);

        JsonPath run = invoiced("2024-04");
        assertThat(run.getList("failures.contractId")).containsExactly(bad);
        assertThat(run.getString("failures[0].detail")).contains("invoice_once_per_contract_and_month");
        String first = onlyInvoice(contracts.get(0), "2024-04").getString("number");
        String third = onlyInvoice(contracts.get(2), "2024-04").getString("number");
        assertThat(onlyInvoice(contracts.get(0), "2024-04").getString("total.amount")).isEqualTo("30.00");
        long n1 = Long.parseLong(first.substring(first.lastIndexOf('-') + 1));
        long n3 = Long.parseLong(third.substring(third.lastIndexOf('-') + 1));
        assertThat(n3).as("B1: the rolled-back batch gave its numbers back").isEqualTo(n1 + 1);
        Number last = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select last_number from invoice_number_counter where issuing_entity = 'NA' and year = 2026").getSingleResult());
        assertThat(last.longValue()).as("no number taken after the last one issued").isEqualTo(n3);
    }

    @Test
    void B1_theScheduledRunComesOnTheFirstBusinessDayOfEachIssuingEntitysCalendar_once() {
        String american = id("C-");
        String european = id("C-");
        send(activated(american, PARTNER, LocalDate.of(2024, 8, 1)));
        send(enrolled(american, PARTNER, id("SN"), LocalDate.of(2024, 8, 1), "STANDARD", "24.90", null));
        send(new ContractTerminated(american, PARTNER, LocalDate.of(2024, 9, 1), "trial over"));
        send(new ContractActivated(european, PARTNER, "CU-" + european, "NL", 12, "EUR", LocalDate.of(2024, 8, 1)));
        send(new DeviceEnrolled(european, id("SE"), "CCX-500", PARTNER, "CU-" + european, "NL", LocalDate.of(2024, 8, 1),
                LocalDate.of(2025, 8, 1), "STANDARD", Money.of("21.00", "EUR"), null, null));
        send(new ContractTerminated(european, PARTNER, LocalDate.of(2024, 9, 1), "trial over"));
        awaitEnded(american, "2024-09-01", 1);
        awaitEnded(european, "2024-09-01", 1);

        // Monday 2 September 2024: a business day in the Netherlands, Labor Day in the United States
        clock.set(Instant.parse("2024-09-02T12:00:00Z"));
        runs.check();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onlyInvoice(european, "2024-08").getString("number")).matches("EMEA-2024-\\d{6}"));
        assertThat(onlyInvoice(european, "2024-08").getString("total.amount")).isEqualTo("21.00");
        assertThat(onlyInvoice(european, "2024-08").getString("issuingEntity")).isEqualTo("EMEA");
        assertThat(invoicesWithLines(american, "2024-08").getList("items")).as("not before NA's first business day").isEmpty();

        // Tuesday 3 September: North America's first business day of the month
        clock.set(Instant.parse("2024-09-03T17:00:00Z"));
        runs.check();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(onlyInvoice(american, "2024-08").getString("number")).matches("NA-2024-\\d{6}"));
        assertThat(onlyInvoice(american, "2024-08").getString("issuedOn")).isEqualTo("2024-09-03");
        runs.check();
        runs.check();
        List<InvoiceRun> scheduled = QuarkusTransaction.requiringNew().call(() ->
                InvoiceRun.<InvoiceRun>list("month = ?1 and trigger = 'SCHEDULED'", "2024-08"));
        assertThat(scheduled).extracting(r -> r.issuingEntity).containsExactlyInAnyOrder("NA", "EMEA");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(QuarkusTransaction.requiringNew().call(() ->
                InvoiceRun.<InvoiceRun>list("month = ?1 and trigger = 'SCHEDULED'", "2024-08")))
                .extracting(r -> r.status).containsOnly("COMPLETED"));
        assertThat(invoicesWithLines(american, "2024-08").getList("items")).hasSize(1);
    }

    @Test
    void B1_P3_aDeliveryDateReportedAfterItsMonthWasInvoicedIsAnAdjustmentLineOnTheNextInvoice() {
        String contract = id("C-");
        String delivered = id("SA");
        String late = id("SL");
        send(activated(contract, PARTNER, LocalDate.of(2025, 9, 1)));
        send(enrolled(contract, PARTNER, delivered, LocalDate.of(2025, 9, 1), "STANDARD", "30.00", null));
        send(enrolled(contract, PARTNER, late, null, "STANDARD", "30.00", null)); // delivery date not known yet (P3)
        send(new ContractTerminated(contract, PARTNER, LocalDate.of(2025, 11, 1), "trial over"));
        awaitEnded(contract, "2025-11-01", 2);
        invoiced("2025-09");
        JsonPath september = onlyInvoice(contract, "2025-09");
        assertThat(september.getString("total.amount")).isEqualTo("30.00");
        assertThat(september.getList("lines.serial")).containsExactly(delivered);

        // the delivery on 17 September is reported in October, after September was invoiced
        send(enrolled(contract, PARTNER, late, LocalDate.of(2025, 9, 17), "STANDARD", "30.00", null));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", Tokens.agent())
                .get("/billing-accounts/" + contract).then().body("devices.find { it.serial == '" + late + "' }.coverageStart",
                        equalTo("2025-09-17")));
        invoiced("2025-10");
        JsonPath october = onlyInvoice(contract, "2025-10");
        String adjustment = "lines.find { it.kind == 'ADJUSTMENT' }.";
        assertThat(october.getString(adjustment + "serial")).isEqualTo(late);
        assertThat(october.getString(adjustment + "correctsMonth")).isEqualTo("2025-09");
        assertThat(october.getString(adjustment + "serviceMonth")).isEqualTo("2025-09");
        assertThat(october.getString(adjustment + "periodFrom")).isEqualTo("2025-09-17");
        assertThat(october.getString(adjustment + "days")).isEqualTo("14");
        assertThat(october.getString(adjustment + "amount.amount")).as("14 of 30 days of 30.00").isEqualTo("14.00");
        assertThat(october.getList(adjustment + "rules")).containsExactly("B1");
        assertThat(october.getString(adjustment + "note")).contains("2025-09").contains("delivery date reported");
        assertThat(october.getList("lines.findAll { it.kind == 'DEVICE' }.serial")).containsExactlyInAnyOrder(delivered, late);
        assertThat(october.getString("total.amount")).as("30.00 + 30.00 for October, 14.00 for September").isEqualTo("74.00");
        // September's invoice never changed; it is now shown as corrected
        JsonPath after = onlyInvoice(contract, "2025-09");
        assertThat(after.getString("total.amount")).isEqualTo("30.00");
        assertThat(after.getString("number")).isEqualTo(september.getString("number"));
        assertThat(after.getString("status")).isEqualTo("CORRECTED");
        // corrected once: the month after carries no second adjustment
        invoiced("2025-11");
        assertThat(invoicesWithLines(contract, "2025-11").getList("items")).isEmpty();
    }

    @Test
    void B1_aBackdatedTerminationIsANegativeAdjustmentOnTheNextDocument_andAnIssuedInvoiceNeverChanges() {
        String contract = id("C-");
        send(activated(contract, PARTNER, LocalDate.of(2025, 7, 1)));
        send(enrolled(contract, PARTNER, id("ST"), LocalDate.of(2025, 7, 1), "STANDARD", "31.00", null));
        awaitEnded(contract, null, 1);
        invoiced("2025-07");
        JsonPath july = onlyInvoice(contract, "2025-07");
        assertThat(july.getString("total.amount")).isEqualTo("31.00");

        send(new ContractTerminated(contract, PARTNER, LocalDate.of(2025, 7, 11), "terminated retroactively by the partner"));
        awaitEnded(contract, "2025-07-11", 1);
        invoiced("2025-08");
        JsonPath august = onlyInvoice(contract, "2025-08");
        assertThat(august.getList("lines")).hasSize(1);
        assertThat(august.getString("lines[0].kind")).isEqualTo("ADJUSTMENT");
        assertThat(august.getString("lines[0].correctsMonth")).isEqualTo("2025-07");
        assertThat(august.getString("lines[0].amount.amount")).as("10 of 31 days due, 31 billed").isEqualTo("-21.00");
        assertThat(august.getString("lines[0].note")).contains("terminated on 2025-07-11");
        assertThat(august.getString("total.amount")).isEqualTo("-21.00");
        assertThat(august.getString("documentType")).as("a negative document is a credit note, same sequence").isEqualTo("CREDIT_NOTE");
        assertThat(august.getString("number")).matches("NA-2026-\\d{6}");

        String julyId = july.getString("id");
        assertThatThrownBy(() -> sql("update invoice set total = 0 where id = ?1", java.util.UUID.fromString(julyId)))
                .hasStackTraceContaining("never changes");
        assertThatThrownBy(() -> sql("delete from invoice_line where invoice_id = ?1", java.util.UUID.fromString(julyId)))
                .hasStackTraceContaining("never changes");
        assertThat(onlyInvoice(contract, "2025-07").getString("total.amount")).isEqualTo("31.00");
    }

    @Test
    void B1_numbersAllocatedByConcurrentTransactionsAreGapFree_evenWhenSomeRollBack() throws Exception {
        int year = 2150 + (int) (Math.random() * 40); // a year of its own in the shared database
        List<Integer> committed = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 6; t++) {
            int thread = t;
            threads.submit(() -> {
                start.await();
                for (int i = 0; i < 15; i++) {
                    boolean rollBack = (thread + i) % 3 == 0;
                    try {
                        String number = QuarkusTransaction.requiringNew().call(() -> {
                            String n = numbers.next(IssuingEntity.EMEA, year);
                            if (rollBack) {
                                throw new IllegalStateException("the invoice failed after its number was taken");
                            }
                            return n;
                        });
                        committed.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
                        assertThat(number).startsWith("EMEA-" + year + "-");
                    } catch (IllegalStateException expected) {
                        // rolled back with its number
                    }
                }
                return null;
            });
        }
        start.countDown();
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(committed).hasSize(60); // 90 attempts, 30 rolled back
        assertThat(committed).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
    }
}
