package com.poly.daas.platform.outbox;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records an event in the transaction of the state change it describes. Nothing is sent here: the
 * {@link OutboxRelay} publishes committed rows, so an event exists if and only if its change was committed.
 */
@ApplicationScoped
public class Outbox {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;

    /** Adds the event to the current transaction (there must be one). Returns the envelope that will be sent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        EventEnvelope envelope = EventJson.envelope(event, UUID.randomUUID(), clock.instant(), producer);
        em.createNativeQuery("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic, schema_version, occurred_at)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8)""")
                .setParameter(1, envelope.eventId())
                .setParameter(2, envelope.aggregateType())
                .setParameter(3, envelope.aggregateId())
                .setParameter(4, envelope.type())
                .setParameter(5, EventJson.write(envelope))
                .setParameter(6, event.eventType().topic())
                .setParameter(7, envelope.schemaVersion())
                .setParameter(8, Timestamp.from(envelope.occurredAt()))
                .executeUpdate();
        return envelope;
    }
}
