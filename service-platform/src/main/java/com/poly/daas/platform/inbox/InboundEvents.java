package com.poly.daas.platform.inbox;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.MalformedEventException;
import com.poly.daas.platform.api.ApiProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies an incoming event exactly once per consumer. The event id is recorded in {@code inbox_event} in the
 * same transaction as the handler's effect, so a redelivered event (relay retry, consumer rebalance) changes
 * nothing twice.
 *
 * <p>Failures: a malformed record or a handler refusal ({@link MalformedEventException}, {@link ApiProblem},
 * {@link IllegalArgumentException}) is a poison message and is rethrown at once, which the Kafka connector's
 * {@code dead-letter-queue} strategy sends to the service's dead-letter topic with the reason; the partition moves
 * on. Other failures (database unavailable) are retried with backoff before the record is dead-lettered.
 */
@ApplicationScoped
public class InboundEvents {
    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "daas.inbox.attempts", defaultValue = "5")
    int attempts;
    @ConfigProperty(name = "daas.inbox.retry-backoff", defaultValue = "PT0.5S")
    Duration backoff;

    /** Handles one event inside the consumer's transaction. */
    @FunctionalInterface
    public interface Handler {
        void apply(EventEnvelope event);
    }

    /**
     * Processes one record value.
     *
     * @param consumer a stable name for this consumer (its inbox scope), e.g. {@code contract-service.model-replica}
     * @return true when applied now, false when it was a duplicate
     */
    public boolean process(String consumer, String recordValue, Handler handler) {
        EventEnvelope event = EventJson.readEnvelope(recordValue);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyOnce(consumer, event, handler));
            } catch (RuntimeException e) {
                RuntimeException cause = unwrap(e);
                if (isPoison(cause)) {
                    throw cause;
                }
                last = cause;
                LOG.warnf("Consumer %s failed on event %s (%s), attempt %d/%d: %s", consumer, event.eventId(),
                        event.type(), attempt, attempts, cause.getMessage());
                sleep(backoff.multipliedBy(attempt));
            }
        }
        throw last;
    }

    private boolean applyOnce(String consumer, EventEnvelope event, Handler handler) {
        int inserted = em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, event_type, processed_at) values (?1, ?2, ?3, ?4)
                        on conflict do nothing""")
                .setParameter(1, consumer).setParameter(2, event.eventId()).setParameter(3, event.type())
                .setParameter(4, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("Consumer %s skips duplicate event %s", consumer, event.eventId());
            return false;
        }
        handler.apply(event);
        return true;
    }

    /** Whether this consumer has applied the event (for tests and diagnostics). */
    public boolean alreadyProcessed(String consumer, java.util.UUID eventId) {
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

    private static boolean isPoison(Throwable e) {
        return e instanceof MalformedEventException || e instanceof ApiProblem || e instanceof IllegalArgumentException;
    }

    private static RuntimeException unwrap(RuntimeException e) {
        Throwable t = e;
        while (t.getCause() != null && !isPoison(t) && t != t.getCause()) {
            t = t.getCause();
        }
        return isPoison(t) && t instanceof RuntimeException r ? r : e;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
