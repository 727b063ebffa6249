package com.poly.daas.rma.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * The overdue scan's lag (A3 → A4) for the operations alerts (docs/operations.md):
 * <ul>
 *   <li>{@code daas_rmas_returns_past_due_unmarked}: obligations past their due date that no scan has marked overdue
 *       yet, counted in the database (the same on every pod; -1 when the count fails). Above zero for longer than a
 *       scan interval means no pod is scanning, so no unreturned-unit charge (A4) is raised;</li>
 *   <li>{@code daas_rmas_overdue_scan_age_seconds}: seconds since this pod last ran the scan to the end (since its
 *       start-up until it has).</li>
 * </ul>
 */
@ApplicationScoped
public class OverdueScanMetrics {
    @Inject
    ReturnObligations obligations;
    @Inject
    MeterRegistry metrics;
    @Inject
    Clock clock;

    void register(@Observes StartupEvent event) {
        obligations.lastCompleted();
        Gauge.builder("daas.rmas.returns.past.due.unmarked", this, OverdueScanMetrics::pastDueUnmarked)
                .description("Return obligations past their due date not yet marked overdue (A3, A4)")
                .register(metrics);
        Gauge.builder("daas.rmas.overdue.scan.age.seconds", this, OverdueScanMetrics::ageSeconds)
                .description("Seconds since this pod last completed the overdue scan")
                .register(metrics);
    }

    long pastDueUnmarked() {
        try {
            return obligations.pastDueUnmarked();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    long ageSeconds() {
        return Math.max(0, Duration.between(obligations.lastCompleted(), clock.instant()).toSeconds());
    }
}
