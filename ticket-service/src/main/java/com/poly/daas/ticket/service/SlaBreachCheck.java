package com.poly.daas.ticket.service;

import com.poly.daas.events.tickets.SlaBreached;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.ticket.config.TicketPolicy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * S3: publishes {@code SlaBreached} once per ticket and milestone whose due instant passed before it was met, stopped
 * or paused. Runs every {@code daas.tickets.sla-check.every} against the injected clock (the demo clock moves it).
 * Safe on several replicas: each claims its milestones with {@code FOR UPDATE SKIP LOCKED}, and the event is published
 * only when the claim also inserts the ticket's {@code sla_breach} row (primary key ticket + milestone), in the same
 * transaction as the outbox row.
 */
@ApplicationScoped
public class SlaBreachCheck {
    private static final Logger LOG = Logger.getLogger(SlaBreachCheck.class);

    private static final String CLAIM = """
            select m.id, m.ticket_id, m.milestone, m.due_at, m.target_seconds, t.partner_id, t.customer_id, t.serial,
                   t.time_zone, t.support_policy, t.assignee
            from ticket_milestone m join ticket t on t.id = m.ticket_id
            where m.breached_at is null
              and m.due_at < coalesce(m.paused_at, m.met_at, m.stopped_at, cast(?1 as timestamptz))
            order by m.due_at, m.id
            limit ?2
            for update of m skip locked""";

    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    TicketPolicy policy;

    @Scheduled(every = "{daas.tickets.sla-check.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "ticket-sla-check")
    void scheduled() {
        int published = check();
        if (published > 0) {
            LOG.infof("SLA check: %d milestone breach(es) published (S3)", published);
        }
    }

    /** Runs the check to the end, one batch per transaction; returns how many breaches this run published. */
    public int check() {
        int total = 0;
        int[] batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::batch);
            total += batch[1];
        } while (batch[0] == policy.slaCheck().batchSize());
        return total;
    }

    /** Claims up to a batch of breached milestones; returns {claimed, published}. */
    private int[] batch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CLAIM)
                .setParameter(1, Timestamp.from(now))
                .setParameter(2, policy.slaCheck().batchSize())
                .getResultList();
        int published = 0;
        for (Object[] row : rows) {
            UUID milestoneId = (UUID) row[0];
            UUID ticketId = (UUID) row[1];
            String milestone = (String) row[2];
            Instant dueAt = instant(row[3]);
            int inserted = em.createNativeQuery("""
                            insert into sla_breach (ticket_id, milestone, breached_at, detected_at) values (?1, ?2, ?3, ?4)
                            on conflict do nothing""")
                    .setParameter(1, ticketId).setParameter(2, milestone).setParameter(3, Timestamp.from(dueAt))
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
            em.createNativeQuery("update ticket_milestone set breached_at = due_at where id = ?1")
                    .setParameter(1, milestoneId).executeUpdate();
            if (inserted == 0) {
                continue; // another replica published it already
            }
            String zone = (String) row[8];
            em.createNativeQuery("""
                            insert into ticket_step (id, ticket_id, at, step, detail, actor, internal)
                            values (?1, ?2, ?3, 'SLA_BREACHED', ?4, 'ticket-service', false)""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, ticketId).setParameter(3, Timestamp.from(dueAt))
                    .setParameter(4, milestone + " due " + OffsetDateTime.ofInstant(dueAt, ZoneId.of(zone)) + " not met (S3)")
                    .executeUpdate();
            em.createNativeQuery("update ticket set version = version + 1 where id = ?1").setParameter(1, ticketId)
                    .executeUpdate();
            outbox.publish(new SlaBreached(ticketId.toString(), (String) row[5], (String) row[6], (String) row[7], milestone,
                    (String) row[9], Duration.ofSeconds(((Number) row[4]).longValue()).toString(), dueAt, zone,
                    (String) row[10], now));
            published++;
        }
        return new int[] {rows.size(), published};
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
