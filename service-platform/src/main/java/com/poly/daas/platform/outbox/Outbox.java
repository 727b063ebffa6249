package com.poly.daas.platform.outbox;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
        em.flush();
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
                    insert.setString(6, events.get(i).eventType().topic());
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
        return envelopes;
    }
}
