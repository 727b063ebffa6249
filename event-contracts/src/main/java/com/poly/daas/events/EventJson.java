package com.poly.daas.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.UUID;

/**
 * The one JSON mapping of events. Readers are tolerant (unknown payload fields are ignored) so a producer
 * may add optional fields within a schema version without breaking consumers.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Builds the envelope of a new event. */
    public static EventEnvelope envelope(DomainEvent event, UUID eventId, Instant occurredAt, String producer) {
        EventType type = event.eventType();
        return new EventEnvelope(eventId, type.wireName(), type.schemaVersion(), occurredAt, type.aggregateType(),
                event.aggregateId(), producer, MAPPER.valueToTree(event));
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses an envelope and checks the fields every consumer relies on.
     *
     * @throws MalformedEventException when the text is not a valid envelope (a poison message)
     */
    public static EventEnvelope readEnvelope(String json) {
        EventEnvelope envelope;
        try {
            envelope = MAPPER.readValue(json, EventEnvelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a valid event envelope: " + message(e), e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.payload() == null
                || envelope.aggregateId() == null) {
            throw new MalformedEventException("Envelope lacks eventId, type, aggregateId or payload", null);
        }
        return envelope;
    }

    /** Reads the payload of an envelope as its registered type. */
    public static <T extends DomainEvent> T payload(EventEnvelope envelope, Class<T> type) {
        try {
            return MAPPER.treeToValue(envelope.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Payload of " + envelope.type() + " " + envelope.eventId()
                    + " does not match " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static String message(Exception e) {
        return e.getMessage();
    }

    private EventJson() {
    }
}
