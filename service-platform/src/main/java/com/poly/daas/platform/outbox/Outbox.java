package com.poly.daas.platform.outbox;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Records events in the transaction of the state change they describe. Nothing is sent here: the
 * {@link OutboxRelay} publishes committed rows, so an event exists if and only if its change was committed.
 */
@ApplicationScoped
public class Outbox {
    private static final String INSERT = """
            insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic, schema_version, occurred_at)
            values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)""";
    private static final int BATCH = 500;

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    /** Adds the event to the current transaction (there must be one). Returns the envelope that will be sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        return publishAll(List.of(event)).get(0);
    }

    /**
     * Adds events to the current transaction in JDBC batches (bulk operations write thousands at once), in list
     * order. Pending entity changes are flushed first, so an aggregate's row locks are taken before its events are
     * numbered: the relay's order follows the order in which changes to one aggregate commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<EventEnvelope> publishAll(List<? extends DomainEvent> events) {
        Instant now = clock.instant();
        List<EventEnvelope> envelopes = events.stream()
                .map(event -> EventJson.envelope(event, UUID.randomUUID(), now, producer)).toList();
        List<String> topics = events.stream().map(event -> event.eventType().topic()).toList();
        if (transactions.getResource(Collector.class) instanceof Collector collector && collector.open) {
            collector.envelopes.addAll(envelopes);
            collector.topics.addAll(topics);
            return envelopes;
        }
        em.flush();
        insert(envelopes, topics);
        return envelopes;
    }

    /**
     * Runs {@code work} in the current transaction with the events it publishes held back, then flushes once and writes
     * them all, in publication order (issue 16: an event consumer applying a poll's records in one transaction flushed
     * the persistence context once per event before). The flush before the inserts keeps the rule of
     * {@link #publishAll}: every row lock of the transaction is taken before its events are numbered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collecting(Runnable work) {
        Collector collector = new Collector();
        transactions.putResource(Collector.class, collector);
        try {
            work.run();
        } finally {
            collector.open = false;
        }
        if (!collector.envelopes.isEmpty()) {
            em.flush();
            insert(collector.envelopes, collector.topics);
        }
    }

    /** The events held back by {@link #collecting} in one transaction. */
    private static final class Collector {
        final List<EventEnvelope> envelopes = new ArrayList<>();
        final List<String> topics = new ArrayList<>();
        boolean open = true;
    }

    private void insert(List<EventEnvelope> envelopes, List<String> topics) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                int pending = 0;
                for (int i = 0; i < envelopes.size(); i++) {
                    EventEnvelope envelope = envelopes.get(i);
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, envelope.aggregateType());
                    insert.setString(3, envelope.aggregateId());
                    insert.setString(4, envelope.type());
                    insert.setString(5, EventJson.write(envelope));
                    insert.setString(6, topics.get(i));
                    insert.setInt(7, envelope.schemaVersion());
                    insert.setTimestamp(8, Timestamp.from(envelope.occurredAt()));
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        });
    }
}
