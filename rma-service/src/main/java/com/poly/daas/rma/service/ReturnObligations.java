package com.poly.daas.rma.service;

import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.rma.config.RmaPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A3 → A4: marks every return obligation whose due date has passed in the customer's time zone as OVERDUE and
 * publishes {@code ReturnOverdue} once per obligation. Safe on several replicas and when run twice: one UPDATE claims
 * the rows still SHIPPED/DELIVERED ({@code FOR UPDATE SKIP LOCKED}, status re-checked after any wait) and returns
 * them, and the events are written in the same transaction (outbox); a row already claimed is never claimed again.
 */
@ApplicationScoped
public class ReturnObligations {
    private static final Logger LOG = Logger.getLogger(ReturnObligations.class);
    private static final String CLAIM_OVERDUE = """
            update rma set status = 'OVERDUE', overdue_on = return_due_on + 1, overdue_detected_at = ?1,
                           version = version + 1
            where id in (select id from rma
                         where status in ('SHIPPED', 'DELIVERED')
                           and return_due_on < cast((cast(?1 as timestamptz) at time zone ship_to_zone) as date)
                         order by return_due_on, id
                         limit ?2
                         for update skip locked)
              and status in ('SHIPPED', 'DELIVERED')
            returning id, ticket_id, partner_id, customer_id, contract_id, serial, sku, ship_to_country,
                      return_due_on, overdue_on""";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Calendars calendars;
    @Inject
    RmaPolicy policy;
    @Inject
    Clock clock;

    /** When this pod last ran the scan to the end (its start-up until then), for the scan-lag metrics. */
    private volatile Instant lastCompleted;

    @Scheduled(every = "{daas.rmas.overdue-scan.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "rma-overdue-scan")
    void scheduled() {
        int marked = scan();
        if (marked > 0) {
            LOG.infof("Overdue scan: %d return obligation(s) overdue (A4)", marked);
        }
    }

    /** Runs the scan to the end, one batch per transaction. Returns how many obligations this run marked overdue. */
    public int scan() {
        int total = 0;
        int marked;
        do {
            marked = QuarkusTransaction.requiringNew().call(this::markBatch);
            total += marked;
        } while (marked == policy.overdueScan().batchSize());
        lastCompleted = clock.instant();
        return total;
    }

    /** When this pod last ran the scan to the end; its start-up time until it has. */
    public Instant lastCompleted() {
        Instant completed = lastCompleted;
        if (completed == null) {
            lastCompleted = completed = clock.instant();
        }
        return completed;
    }

    /**
     * Return obligations past their due date (A3) in the customer's time zone that no scan has marked overdue yet: the
     * scan's lag, read from the database (the same on every pod).
     */
    public long pastDueUnmarked() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from rma
                        where status in ('SHIPPED', 'DELIVERED')
                          and return_due_on < cast((cast(?1 as timestamptz) at time zone ship_to_zone) as date)""")
                .setParameter(1, Timestamp.from(clock.instant())).getSingleResult()).longValue());
    }

    private int markBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM_OVERDUE)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, policy.overdueScan().batchSize())
                .getResultList();
        List<ReturnOverdue> events = rows.stream().map(row -> {
            String country = (String) row[7];
            Calendars.Centre centre = calendars.centreFor(country);
            String priceList = centre.priceList();
            return new ReturnOverdue(row[0].toString(), (String) row[1], (String) row[2], (String) row[3], (String) row[4],
                    (String) row[5], (String) row[6], country, centre.region(), priceList.substring(priceList.indexOf('-') + 1),
                    priceList, date(row[8]), date(row[9]), now);
        }).toList();
        if (!events.isEmpty()) {
            outbox.publishAll(events);
        }
        return events.size();
    }

    private static LocalDate date(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
