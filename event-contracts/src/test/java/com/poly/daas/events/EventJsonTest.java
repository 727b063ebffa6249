package com.poly.daas.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void envelopeRoundTripKeepsIdentityRoutingAndPayload() {
        var event = new ModelEndOfSaleAnnounced("CCX-500", LocalDate.of(2026, 11, 2), LocalDate.of(2027, 5, 1));
        UUID id = UUID.randomUUID();
        String json = EventJson.write(EventJson.envelope(event, id, Instant.parse("2026-11-02T10:15:30Z"), "device-registry-service"));

        EventEnvelope read = EventJson.readEnvelope(json);

        assertEquals(id, read.eventId());
        assertEquals("ModelEndOfSaleAnnounced", read.type());
        assertEquals("Model", read.aggregateType());
        assertEquals("CCX-500", read.aggregateId());
        assertEquals(1, read.schemaVersion());
        assertEquals(event, EventJson.payload(read, ModelEndOfSaleAnnounced.class));
        assertTrue(json.contains("\"announcedOn\":\"2026-11-02\""), "dates travel as ISO-8601: " + json);
    }

    @Test
    void moneyTravelsAsDecimalStringWithCurrency() {
        var event = new DeviceEnrolled("C-1", "SN1", "CCX-500", "P-1", "CU-1", "US", LocalDate.of(2026, 1, 31),
                LocalDate.of(2027, 1, 31), "EXTENDED", Money.of("12.50", "USD"), Money.of("3.10", "USD"), null);
        String json = EventJson.write(event);
        assertTrue(json.contains("\"monthlyFee\":{\"amount\":\"12.50\",\"currency\":\"USD\"}"), json);
    }

    @Test
    void tolerantReaderIgnoresFieldsAddedLaterInTheSameSchemaVersion() {
        String json = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"ModelEndOfSaleAnnounced\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-02T10:15:30Z\",\"aggregateType\":\"Model\",\"aggregateId\":\"X\",\"producer\":\"p\","
                + "\"payload\":{\"sku\":\"X\",\"announcedOn\":\"2026-11-02\",\"effectiveOn\":\"2027-01-01\",\"newField\":1},\"extra\":true}";
        var payload = EventJson.payload(EventJson.readEnvelope(json), ModelEndOfSaleAnnounced.class);
        assertEquals("X", payload.sku());
    }

    @Test
    void malformedEnvelopeIsAPoisonMessage() {
        assertThrows(MalformedEventException.class, () -> EventJson.readEnvelope("not json"));
        assertThrows(MalformedEventException.class, () -> EventJson.readEnvelope("{\"type\":\"X\"}"));
    }

    @Test
    void everyEventTypeHasAUniqueWireNameAndIsDocumented() throws Exception {
        Path doc = Path.of("..", "docs", "events.md");
        String events = Files.readString(doc);
        for (EventType type : EventType.values()) {
            assertEquals(type, EventType.byWireName(type.wireName()).orElseThrow());
            assertTrue(events.contains("`" + type.wireName() + "`"), type.wireName() + " is missing from docs/events.md");
            assertTrue(events.contains(type.topic()), type.topic() + " is missing from docs/events.md");
        }
    }
}
