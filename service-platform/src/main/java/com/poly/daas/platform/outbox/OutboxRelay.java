package com.poly.daas.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka, at least once, in commit order per aggregate.
 *
 * <p>One batch is one database transaction: lock pending rows ({@code FOR UPDATE SKIP LOCKED}), send them with
 * {@code acks=all} and idempotence, wait for every broker acknowledgement, then mark them published and commit. A
 * crash anywhere before the commit leaves the rows pending and they are sent again (consumers deduplicate on the
 * event id). With several replicas a transaction-scoped advisory lock lets one relay work at a time, which keeps one
 * aggregate's events in order; the others idle until it commits or dies.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.application.name")
    String application;
    @ConfigProperty(name = "daas.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "daas.outbox.relay.batch-size", defaultValue = "200")
    int batchSize;
    /**
     * Longest idle wait between looks at the outbox. The relay wakes as soon as a transaction that added outbox rows
     * commits (LISTEN on {@code daas_outbox_<schema>}, signalled by a trigger: V0_5); this interval only bounds the wait
     * when a notification is missed, and is the poll interval while the listening connection cannot be opened.
     */
    @ConfigProperty(name = "daas.outbox.relay.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;
    @ConfigProperty(name = "daas.schema")
    String schema;
    @Inject
    DataSource dataSource;
    @ConfigProperty(name = "daas.outbox.retention", defaultValue = "P7D")
    Duration retention;

    private final AtomicBoolean running = new AtomicBoolean();
    /** The relay thread's LISTEN connection (only that thread uses it). */
    private Connection listener;
    private ReliableProducer producer;
    private volatile Thread worker;
    private Counter published;
    /** Test hook: called after the broker acknowledged a batch and before it is marked published. */
    private volatile BatchObserver observer = (batch) -> { };

    /** Observes the window between broker acknowledgement and commit (used to simulate a crash there). */
    @FunctionalInterface
    public interface BatchObserver {
        void acknowledged(List<UUID> eventIds);
    }

    void start(@Observes StartupEvent event) {
        producer = new ReliableProducer(bootstrapServers, application + "-outbox-relay", Map.of(
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5", ProducerConfig.LINGER_MS_CONFIG, "5"));
        published = metrics.counter("daas.outbox.published");
        Gauge.builder("daas.outbox.pending", this, OutboxRelay::pendingCount).register(metrics);
        if (enabled) {
            running.set(true);
            worker = new Thread(this::loop, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    private void loop() {
        try {
            relayUntilStopped();
        } finally {
            closeListener();
        }
    }

    private void relayUntilStopped() {
        Duration backoff = pollInterval;
        while (running.get()) {
            try {
                int sent = relayBatch();
                backoff = pollInterval;
                if (sent == 0) {
                    awaitCommittedEvents();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay batch failed, retrying in %s: %s", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
    }

    /**
     * Waits until a transaction that added outbox rows commits, or {@code pollInterval} passes. The listening connection
     * is the relay's own (held from the pool); if it breaks, the relay polls every {@code pollInterval} until a new one
     * listens, so no event waits longer than that.
     */
    private void awaitCommittedEvents() throws InterruptedException {
        try {
            if (listener == null || listener.isClosed()) {
                listener = dataSource.getConnection();
                listener.setAutoCommit(true);
                try (Statement listen = listener.createStatement()) {
                    listen.execute("listen \"daas_outbox_" + schema + "\"");
                }
                return; // events committed before the LISTEN: look once more before waiting
            }
            listener.unwrap(PGConnection.class).getNotifications((int) Math.max(1, pollInterval.toMillis()));
        } catch (SQLException e) {
            LOG.debugf("Outbox relay cannot listen for commits (polling every %s): %s", pollInterval, e.getMessage());
            closeListener();
            Thread.sleep(pollInterval.toMillis());
        }
    }

    private void closeListener() {
        Connection connection = listener;
        listener = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Outbox relay's listening connection did not close cleanly: %s", e.getMessage());
            }
        }
    }

    /** Publishes one batch of pending events; returns how many were published (0 when none or another relay works). */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_event'))")
                    .getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select id, topic, aggregateid, type, payload::text from outbox_event
                            where published_at is null order by seq limit ?1 for update skip locked""")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                UUID id = (UUID) row[0];
                ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], (String) row[2], (String) row[4]);
                record.headers().add("id", id.toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("type", ((String) row[3]).getBytes(StandardCharsets.UTF_8));
                acks.add(producer.get().send(record));
                ids.add(id);
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS); // fails the batch (rollback, resend later) unless every record is acknowledged
            }
            observer.acknowledged(List.copyOf(ids));
            em.createNativeQuery("update outbox_event set published_at = ?1, attempts = attempts + 1 where id = any(?2)")
                    .setParameter(1, Timestamp.from(clock.instant()))
                    .setParameter(2, ids.toArray(UUID[]::new))
                    .executeUpdate();
            published.increment(ids.size());
            return ids.size();
        });
    }

    /** Publishes until nothing is pending (tests and shutdown drains). */
    public int drain() {
        int total = 0;
        int sent;
        while ((sent = relayBatch()) > 0) {
            total += sent;
        }
        return total;
    }

    public void observeBatches(BatchObserver observer) {
        this.observer = observer == null ? (batch) -> { } : observer;
    }

    /** Stops the background loop (tests that drive the relay by hand). */
    public void pause() {
        running.set(false);
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public void resume() {
        if (enabled && running.compareAndSet(false, true)) {
            worker = new Thread(this::loop, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    long pendingCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    @Scheduled(every = "{daas.outbox.cleanup-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from outbox_event where published_at < ?1")
                .setParameter(1, Timestamp.from(clock.instant().minus(retention))).executeUpdate());
    }
}
