package com.poly.daas.events;

/**
 * A payload published by a service. Each implementation is a record registered once in {@link EventType},
 * which gives its wire name, topic, aggregate type and schema version.
 */
public interface DomainEvent {
    /** The id of the aggregate the event belongs to; used as the Kafka key (ordering per aggregate). */
    String aggregateId();

    default EventType eventType() {
        return EventType.of(getClass());
    }
}
