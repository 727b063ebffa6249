package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.platform.api.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Invoice runs (B1, B3): a SCHEDULED run per issuing entity on the first business day of each month (its calendar,
 * read from the injected clock every {@code daas.billing.run.check-every}) for the month that ended, and ON_DEMAND runs
 * for any ended month. A run writes the month's work list (one row per contract and month, {@code on conflict do
 * nothing}) and settles it contract by contract, each in its own transaction, claimed with {@code SKIP LOCKED}: two
 * runs of a month, on one replica or two, share the work and never invoice a contract twice. A run left RUNNING by a
 * crash is taken up again by the next check, on any replica. Plain contracts (device lines only) are settled in
 * batches, one transaction per batch ({@link BatchSettlement}); a batch that fails is settled again contract by contract,
 * so a bad contract fails alone.
 */
@ApplicationScoped
public class InvoiceRuns {
    private static final Logger LOG = Logger.getLogger(InvoiceRuns.class);
    private static final int BATCH = 500;

    @Inject
    MonthlyInvoicing invoicing;
    @Inject
    BatchSettlement batches;
    @Inject
    IssuingCalendars calendars;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @ConfigProperty(name = "daas.billing.run.workers", defaultValue = "2")
    int workers;
    /** Plain contracts settled per transaction by {@link BatchSettlement}; 1 settles each on its own. */
    @ConfigProperty(name = "daas.billing.run.contracts-per-transaction", defaultValue = "50")
    int contractsPerTransaction;

    private final Set<UUID> inProgress = ConcurrentHashMap.newKeySet();
    private ExecutorService runner;
    private ExecutorService pool;

    @PostConstruct
    void start() {
        runner = Executors.newCachedThreadPool(r -> daemon(r, "invoice-run"));
        pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> daemon(r, "invoice-run-worker"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (runner != null) {
            runner.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Starts an on-demand run of an ended month (for one issuing entity, or both when null): its work list is written
     * and committed, then settled in the background. Contracts whose settlement failed earlier are retried.
     */
    public InvoiceRun startOnDemand(YearMonth month, IssuingEntity entity, String requestedBy) {
        for (IssuingEntity e : entity == null ? List.of(IssuingEntity.values()) : List.of(entity)) {
            if (!calendars.hasEnded(e, month)) {
                throw ApiProblem.ruleViolation("B1", "month-not-ended", "Month not ended",
                        "Invoices are raised for a month once it has ended; " + month + " has not ended yet for " + e
                                + " (today " + calendars.today(e) + ").")
                        .field("month", "must be a month that has ended");
            }
        }
        InvoiceRun run = QuarkusTransaction.requiringNew().call(() -> {
            InvoiceRun r = newRun(month, entity, "ON_DEMAND", requestedBy);
            r.persist();
            em.flush();
            em.createNativeQuery("""
                            update invoice_run_contract set status = 'PENDING', run_id = ?3, updated_at = ?4
                            where month = ?1 and status = 'FAILED' and (?2 = '*' or issuing_entity = ?2)""")
                    .setParameter(1, month.toString()).setParameter(2, entity == null ? "*" : entity.name())
                    .setParameter(3, r.id).setParameter(4, Timestamp.from(r.startedAt)).executeUpdate();
            populate(r, month, entity);
            return r;
        });
        submit(run.id);
        return run;
    }

    private InvoiceRun newRun(YearMonth month, IssuingEntity entity, String trigger, String requestedBy) {
        InvoiceRun r = new InvoiceRun();
        r.id = UUID.randomUUID();
        r.month = month.toString();
        r.issuingEntity = entity == null ? null : entity.name();
        r.trigger = trigger;
        r.status = "RUNNING";
        r.requestedBy = requestedBy;
        r.startedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return r;
    }

    /**
     * The month's work list: every contract active in the month, or with a device covered in it (coverage running past
     * an expired contract's end), a late fact to correct, or penalty charges or credit notes due (B2, A4).
     */
    private int populate(InvoiceRun run, YearMonth month, IssuingEntity entity) {
        return em.createNativeQuery("""
                        insert into invoice_run_contract (contract_id, month, partner_id, issuing_entity, run_id, status, updated_at)
                        select c.contract_id, ?1, c.partner_id, coalesce(c.issuing_entity, 'NA'), ?2, 'PENDING', ?3
                        from billing_contract c
                        where c.activated_on is not null and c.currency is not null
                          and (?4 = '*' or coalesce(c.issuing_entity, 'NA') = ?4)
                          and ((c.activated_on <= ?6 and (c.ended_on is null or c.ended_on > ?5))
                            or exists (select 1 from billable_device d where d.contract_id = c.contract_id
                                       and d.coverage_start <= ?6 and (d.coverage_end is null or d.coverage_end > ?5)
                                       and (d.ended_on is null or d.ended_on > ?5)
                                       and (c.terminated_on is null or c.terminated_on > ?5))
                            or exists (select 1 from billable_device d where d.contract_id = c.contract_id and d.recheck_from < ?5)
                            or exists (select 1 from penalty_charge p where p.contract_id = c.contract_id and p.status = 'APPROVED'
                                       and p.invoice_id is null and p.arose_on <= ?6)
                            or exists (select 1 from credit_note n where n.contract_id = c.contract_id and n.status = 'ISSUED'
                                       and n.invoice_id is null and n.issued_on <= ?6))
                        on conflict (contract_id, month) do nothing""")
                .setParameter(1, month.toString()).setParameter(2, run.id).setParameter(3, Timestamp.from(run.startedAt))
                .setParameter(4, entity == null ? "*" : entity.name())
                .setParameter(5, Date.valueOf(month.atDay(1))).setParameter(6, Date.valueOf(month.atEndOfMonth()))
                .executeUpdate();
    }

    /**
     * The scheduler's check: for each issuing entity whose first business day of the current month has come, its
     * scheduled run of the month that ended is created once (unique per month and entity, whatever the replicas);
     * then every RUNNING run (new, or left by a crash) is settled.
     */
    @Scheduled(every = "{daas.billing.run.check-every:15m}", delayed = "{daas.billing.run.first-check-after:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void check() {
        for (IssuingEntity entity : IssuingEntity.values()) {
            LocalDate today = calendars.today(entity);
            YearMonth current = YearMonth.from(today);
            if (today.isBefore(calendars.firstBusinessDay(entity, current))) {
                continue;
            }
            QuarkusTransaction.requiringNew().run(() -> {
                InvoiceRun r = newRun(current.minusMonths(1), entity, "SCHEDULED", "scheduler");
                int created = em.createNativeQuery("""
                                insert into invoice_run (id, month, requested_by, started_at, invoices_created, already_invoiced,
                                    issuing_entity, run_trigger, status)
                                values (?1, ?2, ?3, ?4, 0, 0, ?5, 'SCHEDULED', 'RUNNING')
                                on conflict (month, issuing_entity) where run_trigger = 'SCHEDULED' do nothing""")
                        .setParameter(1, r.id).setParameter(2, r.month).setParameter(3, r.requestedBy)
                        .setParameter(4, Timestamp.from(r.startedAt)).setParameter(5, entity.name()).executeUpdate();
                if (created == 1) {
                    int contracts = populate(r, current.minusMonths(1), entity);
                    LOG.infof("Scheduled invoice run %s of %s for %s: %d contracts", r.id, r.month, entity, contracts);
                }
            });
        }
        @SuppressWarnings("unchecked")
        List<UUID> running = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from invoice_run where status = 'RUNNING' order by started_at").getResultList());
        running.forEach(this::submit);
    }

    private void submit(UUID runId) {
        if (inProgress.add(runId)) {
            runner.submit(() -> {
                try {
                    settle(runId);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Invoice run %s stopped; the next check takes it up again", runId);
                } finally {
                    inProgress.remove(runId);
                }
            });
        }
    }

    /**
     * Settles the run's pending contracts, each in its own transaction, with the configured number of workers. Ends
     * (COMPLETED) when none of its month and entities is pending, including those another executor held meanwhile.
     */
    public void settle(UUID runId) {
        InvoiceRun run = QuarkusTransaction.requiringNew().call(() -> em.find(InvoiceRun.class, runId));
        if (run == null || !"RUNNING".equals(run.status)) {
            return;
        }
        YearMonth month = YearMonth.parse(run.month);
        String entity = run.issuingEntity == null ? "*" : run.issuingEntity;
        String after = "";
        while (!Thread.currentThread().isInterrupted()) {
            List<Object[]> batch = pending(month, entity, after);
            if (batch.isEmpty()) {
                if (pending(month, entity, "").isEmpty()) {
                    break;
                }
                after = ""; // held by another executor: look again shortly
                sleep(200);
                continue;
            }
            List<Future<?>> done = new ArrayList<>();
            List<String> plain = new ArrayList<>();
            for (Object[] row : batch) {
                String contractId = (String) row[0];
                if (Boolean.TRUE.equals(row[1])) {
                    done.add(pool.submit(() -> settleOne(runId, contractId, month, true)));
                } else {
                    plain.add(contractId);
                }
            }
            for (int from = 0; from < plain.size(); from += contractsPerTransaction) {
                List<String> chunk = plain.subList(from, Math.min(plain.size(), from + contractsPerTransaction));
                done.add(pool.submit(() -> {
                    for (String contractId : batches.settle(chunk, month, runId)) {
                        settleOne(runId, contractId, month, false);
                    }
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.error("invoice worker failed", e.getCause());
                }
            }
            after = (String) batch.get(batch.size() - 1)[0];
        }
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        update invoice_run set status = 'COMPLETED', finished_at = ?2,
                            invoices_created = (select count(*) from invoice where run_id = ?1)
                        where id = ?1 and status = 'RUNNING'""")
                .setParameter(1, runId).setParameter(2, Timestamp.from(clock.instant())).executeUpdate());
    }

    /** One contract in its own transaction; its failure is recorded as its outcome (FAILED, retried by a later run). */
    private void settleOne(UUID runId, String contractId, YearMonth month, boolean penaltiesDue) {
        try {
            invoicing.settle(contractId, month, runId, penaltiesDue);
        } catch (RuntimeException e) {
            LOG.warnf("Invoice run %s: contract %s of %s failed: %s", runId, contractId, month, e.toString());
            invoicing.failed(contractId, month, runId, rootCause(e));
        }
    }

    /** The next pending contracts, each with whether it has penalty charges or credit notes due (B2, A4). */
    @SuppressWarnings("unchecked")
    private List<Object[]> pending(YearMonth month, String entity, String after) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select r.contract_id,
                               exists (select 1 from penalty_charge p where p.contract_id = r.contract_id and p.status = 'APPROVED'
                                       and p.invoice_id is null and p.arose_on <= ?5)
                               or exists (select 1 from credit_note n where n.contract_id = r.contract_id and n.status = 'ISSUED'
                                       and n.invoice_id is null and n.issued_on <= ?5)
                        from invoice_run_contract r
                        where r.month = ?1 and r.status = 'PENDING' and (?2 = '*' or r.issuing_entity = ?2) and r.contract_id > ?3
                        order by r.contract_id limit ?4""")
                .setParameter(1, month.toString()).setParameter(2, entity).setParameter(3, after).setParameter(4, BATCH)
                .setParameter(5, Date.valueOf(month.atEndOfMonth())).getResultList());
    }

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static void sleep(long ms) {
        try {
            TimeUnit.MILLISECONDS.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this replica is settling the run right now (for tests). */
    public boolean settling(UUID runId) {
        return inProgress.contains(runId);
    }

}
