package com.poly.daas.ticket.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;

/**
 * S3 breaches as a Prometheus gauge for the SLA alert: {@code daas_tickets_triage_overdue} counts the tickets still
 * OPEN after their triage due time (1 business day, S1 clock). Counted over every partner (no caller here), -1 when
 * the count query fails. A ticket waiting on the partner is not OPEN, so its paused triage does not count.
 * <p>
 * {@code daas_tickets_milestones_overdue{milestone="FIRST_RESPONSE"|"TRIAGE"}} counts the milestones running past
 * their due instant (neither met, stopped nor paused): what the desk has to act on now (S1, S3). Each breach is also
 * published once as {@code SlaBreached} by {@link SlaBreachCheck}.
 */
@ApplicationScoped
public class SlaMetrics {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    void register(@Observes StartupEvent event) {
        Gauge.builder("daas.tickets.triage.overdue", this, SlaMetrics::triageOverdue)
                .description("Tickets still open after their S3 triage due time")
                .register(metrics);
        for (String milestone : new String[] {"FIRST_RESPONSE", "TRIAGE"}) {
            Gauge.builder("daas.tickets.milestones.overdue", this, m -> m.milestonesOverdue(milestone))
                    .description("SLA milestones running past their due instant (S1, S3)")
                    .tag("milestone", milestone)
                    .register(metrics);
        }
    }

    long milestonesOverdue(String milestone) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "select count(*) from ticket_milestone where milestone = ?1 and met_at is null"
                                    + " and stopped_at is null and paused_at is null and due_at < ?2")
                    .setParameter(1, milestone)
                    .setParameter(2, Timestamp.from(clock.instant())).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    long triageOverdue() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "select count(*) from ticket where status = 'OPEN' and triage_due_at < ?1")
                    .setParameter(1, Timestamp.from(clock.instant())).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
