package com.poly.daas.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders the AsyncAPI 3.0 document of every topic and event from {@link EventType}, so the published description
 * cannot drift from the code: {@code docs/asyncapi.yaml} is this output, checked by a test.
 * Run {@code main} with the target path to regenerate it.
 */
public final class AsyncApiDocument {

    public static String render() {
        StringBuilder y = new StringBuilder();
        y.append("# Generated from event-contracts (AsyncApiDocument); do not edit by hand.\n");
        y.append("asyncapi: 3.0.0\n");
        y.append("info:\n  title: DaaS domain events\n  version: 1.0.0\n");
        y.append("  description: Events the DaaS services publish through their transactional outbox. Record key = aggregateId;\n");
        y.append("    value = the envelope below with the event's payload. At-least-once delivery; consumers deduplicate on eventId.\n");
        y.append("defaultContentType: application/json\n");
        Map<String, List<EventType>> byTopic = Arrays.stream(EventType.values())
                .collect(Collectors.groupingBy(EventType::topic, LinkedHashMap::new, Collectors.toList()));
        y.append("channels:\n");
        byTopic.forEach((topic, types) -> {
            y.append("  ").append(channel(topic)).append(":\n");
            y.append("    address: ").append(topic).append('\n');
            y.append("    messages:\n");
            types.forEach(t -> y.append("      ").append(t.wireName()).append(":\n        $ref: '#/components/messages/")
                    .append(t.wireName()).append("'\n"));
        });
        y.append("operations:\n");
        byTopic.forEach((topic, types) -> {
            y.append("  publish-").append(channel(topic)).append(":\n");
            y.append("    action: send\n");
            y.append("    channel:\n      $ref: '#/channels/").append(channel(topic)).append("'\n");
        });
        y.append("components:\n  messages:\n");
        for (EventType t : EventType.values()) {
            y.append("    ").append(t.wireName()).append(":\n");
            y.append("      name: ").append(t.wireName()).append('\n');
            y.append("      title: ").append(t.wireName()).append(" (").append(t.aggregateType()).append(", schema version ")
                    .append(t.schemaVersion()).append(")\n");
            y.append("      payload:\n");
            y.append("        allOf:\n          - $ref: '#/components/schemas/Envelope'\n");
            y.append("          - type: object\n            properties:\n");
            y.append("              type:\n                const: ").append(t.wireName()).append('\n');
            y.append("              schemaVersion:\n                const: ").append(t.schemaVersion()).append('\n');
            y.append("              payload:\n                $ref: '#/components/schemas/").append(t.wireName()).append("'\n");
        }
        y.append("  schemas:\n");
        y.append("""
                    Envelope:
                      type: object
                      required: [eventId, type, schemaVersion, occurredAt, aggregateType, aggregateId, producer, payload]
                      properties:
                        eventId: {type: string, format: uuid}
                        type: {type: string}
                        schemaVersion: {type: integer}
                        occurredAt: {type: string, format: date-time}
                        aggregateType: {type: string}
                        aggregateId: {type: string}
                        producer: {type: string}
                        payload: {type: object}
                    Money:
                      type: object
                      required: [amount, currency]
                      properties:
                        amount: {type: string, description: decimal string, examples: ['12.50']}
                        currency: {type: string, description: ISO-4217 code, examples: [USD]}
                """);
        for (EventType t : EventType.values()) {
            y.append("    ").append(t.wireName()).append(":\n      type: object\n      properties:\n");
            for (RecordComponent c : t.payloadClass().getRecordComponents()) {
                y.append("        ").append(c.getName()).append(": ").append(schema(c.getGenericType())).append('\n');
            }
        }
        return y.toString();
    }

    private static String schema(Type type) {
        if (type == String.class) {
            return "{type: string}";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "{type: boolean}";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "{type: integer}";
        }
        if (type == BigDecimal.class) {
            return "{type: string, description: decimal string}";
        }
        if (type == LocalDate.class) {
            return "{type: string, format: date}";
        }
        if (type == Instant.class) {
            return "{type: string, format: date-time}";
        }
        if (type == UUID.class) {
            return "{type: string, format: uuid}";
        }
        if (type == Money.class) {
            return "{$ref: '#/components/schemas/Money'}";
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return "{type: array, items: " + schema(p.getActualTypeArguments()[0]) + "}";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return "{type: string, enum: [" + Arrays.stream(c.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", ")) + "]}";
        }
        throw new IllegalArgumentException("No AsyncAPI mapping for " + type + ": add one to AsyncApiDocument");
    }

    private static String channel(String topic) {
        return topic.replace('.', '-');
    }

    public static void main(String[] args) throws Exception {
        Files.writeString(Path.of(args.length > 0 ? args[0] : "docs/asyncapi.yaml"), render());
    }

    private AsyncApiDocument() {
    }
}
