package com.poly.daas.platform.inbox;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.MalformedEventException;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.PartnerScope;
import com.poly.daas.platform.sql.PlainSql;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once per consumer. The event id is recorded in {@code inbox_event} in the
 * same transaction as the handler's effect, so a redelivered event (relay retry, consumer rebalance) changes
 * nothing twice.
 *
 * <p>Consumers receive each Kafka poll's records as one batch ({@link #processBatch}): up to
 * {@code daas.inbox.events-per-transaction} of them are applied in one transaction, each with its own inbox row (issue
 * 16: one transaction per event was the event path's capacity limit). When anything in such a group fails, or one of
 * its aggregates has a parked event, the group's transaction is rolled back as a whole and each of its records is then
 * processed alone, in order, as below; so one bad record still fails alone and an aggregate's order is kept.
 *
 * <p>Failures are of three kinds:
 * <ul>
 *   <li><b>poison</b> (malformed, or refused for good: {@link MalformedEventException}, {@link ApiProblem},
 *   {@link IllegalArgumentException}): not retried; {@link DeadLetters} copies it to the service's dead-letter topic
 *   with the reason and the partition moves on;</li>
 *   <li><b>not yet applicable</b> ({@link NotYetApplicableException}: a fact it refers to has not arrived): retried
 *   with backoff ({@code daas.inbox.not-yet-applicable-attempts}), then <b>parked</b> in {@code parked_event}; the
 *   partition moves on. Later events of the same aggregate are parked behind it, so one aggregate's order is kept.
 *   Parked events are re-applied, oldest first, after each event the consumer applies (while it has any parked) and every
 *   {@code daas.inbox.reapply-every}; they leave the table once applied (given up, {@code failed_at} set, after
 *   {@code daas.inbox.parked-max-attempts});</li>
 *   <li><b>transient</b> (anything else, e.g. the database down): retried with backoff, then dead-lettered.</li>
 * </ul>
 * If the dead-letter topic cannot be written either, {@link #processBatch} throws: the channel fails (the connector's
 * {@code failure-strategy=fail}), the liveness check reports it and the restarted consumer gets the uncommitted records
 * again; the inbox skips the ones already applied.
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    @Inject
    EntityManager em;
    @Inject
    PartnerScope scope;
    @Inject
    Clock clock;
    @ConfigProperty(name = "daas.inbox.attempts", defaultValue = "5")
    int attempts;
    @ConfigProperty(name = "daas.inbox.retry-backoff", defaultValue = "PT0.5S")
    Duration backoff;
    @ConfigProperty(name = "daas.inbox.not-yet-applicable-attempts", defaultValue = "3")
    int notYetApplicableAttempts;
    /** Re-applications of a parked event before it is given up (failed_at set): a day at the default 30 s. */
    @ConfigProperty(name = "daas.inbox.parked-max-attempts", defaultValue = "2880")
    int parkedMaxAttempts;
    /**
     * Records of one poll applied in one transaction (issue 16). Larger groups cost fewer commits but delay the group's
     * first event until its last is applied; 1 applies each record in its own transaction.
     */
    @ConfigProperty(name = "daas.inbox.events-per-transaction", defaultValue = "20")
    int eventsPerTransaction;
    @Inject
    DeadLetters deadLetters;
    @Inject
    Outbox outbox;

    private volatile boolean stopping;
    /** The handler of each consumer seen in this process, for re-applying its parked events. */
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** Handles one event inside the consumer's transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(EventEnvelope event);
    }

    /**
     * Processes one poll's records, in order: groups of {@code daas.inbox.events-per-transaction} in one transaction
     * each; a group that cannot be applied whole is processed record by record ({@link #process}), and a record that
     * can never be applied is dead-lettered. Returns when every record is applied, parked, skipped as a duplicate or
     * dead-lettered, so the connector may commit the poll.
     *
     * @throws IllegalStateException when a record must be dead-lettered and the dead-letter topic cannot be written
     */
    public void processBatch(String consumer, Iterable<ConsumerRecord<String, String>> poll, Handler handler) {
        handlers.putIfAbsent(consumer, handler);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        poll.forEach(records::add);
        int group = Math.max(1, eventsPerTransaction);
        for (int from = 0; from < records.size(); from += group) {
            List<ConsumerRecord<String, String>> chunk = records.subList(from, Math.min(records.size(), from + group));
            if (!applyTogether(consumer, chunk, handler)) {
                chunk.forEach(record -> processAlone(consumer, record, handler));
            }
        }
    }

    /**
     * Applies the records in one transaction. False, with nothing applied, when one of them cannot be read, when one of
     * their aggregates has a parked event, or when anything fails: the caller then processes them one by one.
     */
    private boolean applyTogether(String consumer, List<ConsumerRecord<String, String>> records, Handler handler) {
        if (records.size() < 2) {
            return false; // one record: the single path is the same work
        }
        List<EventEnvelope> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(EventJson.readEnvelope(record.value()));
            } catch (RuntimeException e) {
                return false; // dead-lettered on the single path
            }
        }
        try {
            Boolean anyParked = QuarkusTransaction.requiringNew().call(() -> {
                Set<String> aggregates = new HashSet<>();
                events.forEach(e -> aggregates.add(e.aggregateId()));
                boolean[] parked = parked(consumer, aggregates);
                if (parked[0]) {
                    return null; // an aggregate of the group waits behind a parked event: the single path parks it
                }
                // one flush and one batch of outbox rows for the group's consequences, not one per event
                outbox.collecting(() -> events.forEach(event -> applyOnce(consumer, event, handler)));
                return parked[1];
            });
            if (anyParked == null) {
                return false;
            }
            if (anyParked) {
                reapplyAfter(consumer);
            }
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("Consumer %s applies %d records one by one: %s", consumer, records.size(), unwrap(e).getMessage());
            return false;
        }
    }

    /** One record on the single path; what can never be applied goes to the dead-letter topic. */
    private void processAlone(String consumer, ConsumerRecord<String, String> record, Handler handler) {
        try {
            process(consumer, record.value(), handler);
        } catch (RuntimeException e) {
            deadLetters.send(record, unwrap(e));
        }
    }

    /**
     * Processes one record value.
     *
     * @param consumer a stable name for this consumer (its inbox scope), e.g. {@code contract-service.model-replica}
     * @return true when applied now, false when it was a duplicate or was parked
     */
    public boolean process(String consumer, String recordValue, Handler handler) {
        handlers.putIfAbsent(consumer, handler);
        EventEnvelope event = EventJson.readEnvelope(recordValue);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                boolean[] anyParked = new boolean[1];
                Boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    boolean[] parked = parked(consumer, event.aggregateId());
                    anyParked[0] = parked[1];
                    if (parked[0]) {
                        return null; // keep the aggregate's order: behind its parked event
                    }
                    return applyOnce(consumer, event, handler);
                });
                if (applied == null) {
                    park(consumer, event, recordValue, "behind a parked event of aggregate " + event.aggregateId());
                    return false;
                }
                if (applied && anyParked[0]) {
                    // only when the consumer had parked events (issue 16: no second transaction per event otherwise);
                    // one parked meanwhile by another replica waits for daas.inbox.reapply-every or its own next event
                    reapplyAfter(consumer);
                }
                return applied;
            } catch (RuntimeException e) {
                RuntimeException cause = unwrap(e);
                if (isPoison(cause)) {
                    throw cause;
                }
                last = cause;
                boolean notYet = cause instanceof NotYetApplicableException;
                if (notYet && attempt >= notYetApplicableAttempts) {
                    park(consumer, event, recordValue, cause.getMessage());
                    return false;
                }
                LOG.warnf("Consumer %s %s event %s (%s), attempt %d/%d: %s", consumer,
                        notYet ? "cannot apply yet" : "failed on", event.eventId(), event.type(), attempt,
                        notYet ? notYetApplicableAttempts : attempts, cause.getMessage());
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw last;
    }

    private boolean applyOnce(String consumer, EventEnvelope event, Handler handler) {
        int inserted = PlainSql.update(em, """
                        insert into inbox_event (consumer, event_id, event_type, processed_at) values (?, ?, ?, ?)
                        on conflict do nothing""",
                consumer, event.eventId(), event.type(), Timestamp.from(clock.instant()));
        if (inserted == 0) {
            LOG.debugf("Consumer %s skips duplicate event %s", consumer, event.eventId());
            return false;
        }
        scope.unrestricted(() -> handler.apply(event)); // consumers see every partner (issue 16: cached queries)
        return true;
    }

    /** One statement: {whether the aggregate has a parked event, whether the consumer has any} (two index probes). */
    private boolean[] parked(String consumer, String aggregateId) {
        return parked(consumer, Set.of(aggregateId));
    }

    /** One statement: {whether one of the aggregates has a parked event, whether the consumer has any}. */
    private boolean[] parked(String consumer, Set<String> aggregateIds) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement probe = connection.prepareStatement("""
                    select exists (select 1 from parked_event where consumer = ? and aggregate_id = any (?) and failed_at is null),
                           exists (select 1 from parked_event where consumer = ? and failed_at is null)""")) {
                probe.setString(1, consumer);
                probe.setArray(2, connection.createArrayOf("text", aggregateIds.toArray()));
                probe.setString(3, consumer);
                try (ResultSet row = probe.executeQuery()) {
                    row.next();
                    return new boolean[] {row.getBoolean(1), row.getBoolean(2)};
                }
            }
        });
    }

    private void park(String consumer, EventEnvelope event, String recordValue, String reason) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into parked_event (consumer, event_id, event_type, aggregate_id, envelope, reason, parked_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict do nothing""")
                .setParameter(1, consumer).setParameter(2, event.eventId()).setParameter(3, event.type())
                .setParameter(4, event.aggregateId()).setParameter(5, recordValue).setParameter(6, String.valueOf(reason))
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate());
        LOG.infof("Consumer %s parked event %s (%s): %s", consumer, event.eventId(), event.type(), reason);
    }

    /** A parked event may have waited for the one just applied; a failure here never undoes that one. */
    private void reapplyAfter(String consumer) {
        try {
            reapplyParked(consumer);
        } catch (RuntimeException e) {
            LOG.warnf("Consumer %s could not re-apply its parked events now (retried later): %s", consumer, e.getMessage());
        }
    }

    /** Every {@code daas.inbox.reapply-every}: re-applies the parked events of every consumer of this process. */
    @Scheduled(every = "{daas.inbox.reapply-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reapplyAllParked() {
        if (!stopping) {
            handlers.keySet().forEach(this::reapplyAfter);
        }
    }

    /** No sweep once the service stops: the database pool closes under it (it logged a warning per consumer). */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Re-applies a consumer's parked events, oldest first; one that still cannot be applied stays, and so do the later
     * events of its aggregate. Safe with several replicas (rows locked with SKIP LOCKED; the inbox skips duplicates).
     *
     * @return how many parked events were applied (or found already applied) and left the table
     */
    public int reapplyParked(String consumer) {
        Handler handler = handlers.get(consumer);
        if (handler == null) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> pending = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select event_id, aggregate_id from parked_event where consumer = ?1 and failed_at is null
                        order by seq limit 200""")
                .setParameter(1, consumer).getResultList());
        if (pending.isEmpty()) {
            return 0;
        }
        java.util.Set<String> blocked = new java.util.HashSet<>();
        int done = 0;
        ManagedContext request = Arc.container().requestContext();
        boolean activated = !request.isActive();
        if (activated) {
            request.activate(); // handlers may use request-scoped beans (as on a consumer method)
        }
        try {
            for (Object[] row : pending) {
                UUID eventId = (UUID) row[0];
                String aggregate = (String) row[1];
                if (blocked.contains(aggregate)) {
                    continue;
                }
                try {
                    Boolean left = QuarkusTransaction.requiringNew().call(() -> reapplyOne(consumer, eventId, handler));
                    if (Boolean.TRUE.equals(left)) {
                        done++;
                    } else if (left == null) {
                        blocked.add(aggregate); // locked by another replica: leave its aggregate to it
                    }
                } catch (RuntimeException e) {
                    RuntimeException cause = unwrap(e);
                    blocked.add(aggregate);
                    Timestamp now = Timestamp.from(clock.instant());
                    QuarkusTransaction.requiringNew().run(() -> {
                        em.createNativeQuery("""
                                        update parked_event set attempts = attempts + 1, last_attempt_at = ?3, reason = ?4
                                        where consumer = ?1 and event_id = ?2""")
                                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, now)
                                .setParameter(4, String.valueOf(cause.getMessage())).executeUpdate();
                        // given up: poison after all, or still not applicable after daas.inbox.parked-max-attempts
                        em.createNativeQuery("""
                                        update parked_event set failed_at = ?3
                                        where consumer = ?1 and event_id = ?2 and attempts >= ?4""")
                                .setParameter(1, consumer).setParameter(2, eventId).setParameter(3, now)
                                .setParameter(4, isPoison(cause) ? 0 : parkedMaxAttempts).executeUpdate();
                    });
                    if (isPoison(cause)) {
                        LOG.errorf("Consumer %s: parked event %s can never be applied (kept in parked_event): %s",
                                consumer, eventId, cause.getMessage());
                    }
                }
            }
        } finally {
            if (activated) {
                request.terminate();
            }
        }
        if (done > 0) {
            LOG.infof("Consumer %s re-applied %d parked event(s)", consumer, done);
        }
        return done;
    }

    /** True when applied (or already applied) and removed; null when another replica holds the row. */
    private Boolean reapplyOne(String consumer, UUID eventId, Handler handler) {
        @SuppressWarnings("unchecked")
        List<String> envelope = em.createNativeQuery("""
                        select envelope from parked_event where consumer = ?1 and event_id = ?2 and failed_at is null
                        for update skip locked""")
                .setParameter(1, consumer).setParameter(2, eventId).getResultList();
        if (envelope.isEmpty()) {
            return null;
        }
        applyOnce(consumer, EventJson.readEnvelope(envelope.get(0)), handler);
        em.createNativeQuery("delete from parked_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).executeUpdate();
        return true;
    }

    /** Whether this consumer has applied the event (for tests and diagnostics). */
    public boolean alreadyProcessed(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue() > 0);
    }

    /** Whether any consumer of this service has applied the event (tests feeding a replica wait on it). */
    public boolean processedByAnyConsumer(java.util.UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from inbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue() > 0);
    }

    /** Whether this consumer holds the event parked (for tests and diagnostics). */
    public boolean isParked(String consumer, UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from parked_event where consumer = ?1 and event_id = ?2 and failed_at is null")
                .setParameter(1, consumer).setParameter(2, eventId).getSingleResult()).longValue() > 0);
    }

    private static boolean isPoison(Throwable e) {
        return e instanceof MalformedEventException || e instanceof ApiProblem || e instanceof IllegalArgumentException;
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && !isPoison(t) && !(t instanceof NotYetApplicableException) && t != t.getCause()) {
            t = t.getCause();
        }
        return (isPoison(t) || t instanceof NotYetApplicableException) && t instanceof RuntimeException r ? r : e;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
