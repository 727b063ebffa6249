package com.poly.daas.billing.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.service.InvoiceRuns;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: loads 100,000 contracts with 1,000,000 covered devices straight into billing's tables (batched SQL, as a
 * loader would), then runs one month through the real run code (the on-demand run: work list, per-contract
 * transactions claimed with SKIP LOCKED, gap-free numbers, lines, outbox) and prints wall time, invoices/s and the
 * JVM's peak heap. Excluded from the normal run (tag "benchmark"); run it with benchmarks/billing-run-benchmark.sh.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BillingRunBenchmark {
    static final int CONTRACTS = Integer.getInteger("bench.contracts", 100_000);
    static final int DEVICES_PER_CONTRACT = Integer.getInteger("bench.devices-per-contract", 10);
    static final YearMonth MONTH = YearMonth.of(2026, 3);

    @Inject
    EntityManager em;
    @Inject
    InvoiceRuns runs;
    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void invoiceOneMonthOfOneHundredThousandContracts() throws IOException {
        clock.set(Instant.parse("2026-04-02T08:00:00Z"));
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long loadStarted = System.nanoTime();
        // a quarter EMEA in EUR, the rest NA in USD; activated in January; 10 devices each, one in five delivered
        // mid-March (prorated), one in ten EXTENDED
        for (int from = 0; from < CONTRACTS; from += 10_000) {
            int start = from + 1;
            int end = Math.min(CONTRACTS, from + 10_000);
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into billing_contract (contract_id, partner_id, customer_id, customer_country, currency, term_months,
                                activated_on, updated_at, events_applied, issuing_entity)
                            select 'BC-' || ?1 || '-' || lpad(g::text, 6, '0'), 'P-BENCH-' || (g % 200), 'CU-' || g,
                                   case when g % 4 = 0 then 'NL' else 'US' end, case when g % 4 = 0 then 'EUR' else 'USD' end, 36,
                                   date '2026-01-01', now(), 1, case when g % 4 = 0 then 'EMEA' else 'NA' end
                            from generate_series(?2, ?3) g""")
                    .setParameter(1, tag).setParameter(2, start).setParameter(3, end).executeUpdate());
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            insert into billable_device (id, partner_id, contract_id, serial, sku, coverage_start, coverage_end,
                                coverage_option, monthly_fee, extended_fee, currency, updated_at)
                            select gen_random_uuid(), 'P-BENCH-' || (g % 200), 'BC-' || ?1 || '-' || lpad(g::text, 6, '0'),
                                   'S' || ?1 || lpad(g::text, 6, '0') || lpad(d::text, 3, '0'), 'CCX-500',
                                   case when d % 5 = 0 then date '2026-03-14' else date '2026-01-05' end,
                                   case when d % 5 = 0 then date '2029-03-14' else date '2029-01-05' end,
                                   case when d % 10 = 1 then 'EXTENDED' else 'STANDARD' end, 24.90,
                                   case when d % 10 = 1 then 3.50 end, case when g % 4 = 0 then 'EUR' else 'USD' end, now()
                            from generate_series(?2, ?3) g, generate_series(1, ?4) d""")
                    .setParameter(1, tag).setParameter(2, start).setParameter(3, end).setParameter(4, DEVICES_PER_CONTRACT)
                    .executeUpdate());
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("analyze billing_contract, billable_device").executeUpdate());
        long loadMs = (System.nanoTime() - loadStarted) / 1_000_000;

        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        InvoiceRun run = runs.startOnDemand(MONTH, null, "benchmark");
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                "COMPLETED".equals(QuarkusTransaction.requiringNew().call(() -> em.find(InvoiceRun.class, run.id).status)));
        long wallMs = (System.nanoTime() - started) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long maxHeap = Runtime.getRuntime().maxMemory();

        long invoices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from invoice where run_id = ?1").setParameter(1, run.id).getSingleResult()).longValue());
        long lines = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from invoice_line l join invoice i on i.id = l.invoice_id where i.run_id = ?1")
                .setParameter(1, run.id).getSingleResult()).longValue());
        long failed = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from invoice_run_contract where run_id = ?1 and status = 'FAILED'").setParameter(1, run.id)
                .getSingleResult()).longValue());
        assertThat(invoices).isEqualTo(CONTRACTS);
        assertThat(lines).isEqualTo((long) CONTRACTS * DEVICES_PER_CONTRACT);
        assertThat(failed).isZero();

        var os = ManagementFactory.getOperatingSystemMXBean();
        String report = String.format("""
                        billing run benchmark (issue 12)
                        | measure | value |
                        |---|---|
                        | contracts / covered devices loaded | %,d / %,d (load %,d ms, not counted) |
                        | month | %s (one on-demand run, both issuing entities) |
                        | invoices issued / lines | %,d / %,d (failed: %d) |
                        | wall time | %.1f s |
                        | invoices/s | %.0f |
                        | JVM peak heap (sum of heap pools' peaks) | %,d MiB (max heap %,d MiB) |
                        | machine | %d CPUs visible, %s %s, load average at the end %.2f |
                        | JVM | %s %s |
                        | JVM flags | %s |
                        | date | %s |
                        """, CONTRACTS, (long) CONTRACTS * DEVICES_PER_CONTRACT, loadMs, MONTH, invoices, lines, failed,
                wallMs / 1000.0, invoices * 1000.0 / wallMs, peakHeap / (1024 * 1024), maxHeap / (1024 * 1024),
                os.getAvailableProcessors(), os.getName(), os.getArch(), os.getSystemLoadAverage(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X") || a.startsWith("-XX")).toList()),
                Instant.now());
        System.out.println(report);
        Path out = Path.of("target", "billing-run-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }
}
