package com.poly.daas.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic: identity and routing facts around a versioned payload.
 *
 * @param eventId       unique per event; consumers deduplicate on it (at-least-once delivery)
 * @param type          wire name, e.g. {@code ModelEndOfSaleAnnounced}
 * @param schemaVersion version of the payload schema of that type
 * @param occurredAt    when the state change was committed by the producer
 * @param aggregateType e.g. {@code Model}, {@code Contract}
 * @param aggregateId   also the Kafka record key
 * @param producer      the producing service
 * @param payload       the event's own fields
 */
public record EventEnvelope(UUID eventId, String type, int schemaVersion, Instant occurredAt,
                            String aggregateType, String aggregateId, String producer, JsonNode payload) {
}
