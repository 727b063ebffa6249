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

    @Test
    void hardwareFailureConfirmedVersion1IsReadByTheVersion2RecordWithoutSiteOrContract() {
        String v1 = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"HardwareFailureConfirmed\",\"schemaVersion\":1,"
                + "\"occurredAt\":\"2026-11-02T10:15:30Z\",\"aggregateType\":\"Ticket\",\"aggregateId\":\"T-1\",\"producer\":\"ticket-service\","
                + "\"payload\":{\"ticketId\":\"T-1\",\"partnerId\":\"P-1\",\"customerId\":\"CU-1\",\"serial\":\"SN1\","
                + "\"cause\":\"HARDWARE_FAILURE\",\"confirmedAt\":\"2026-11-02T10:15:30Z\"}}";
        var read = EventJson.payload(EventJson.readEnvelope(v1), com.poly.daas.events.tickets.HardwareFailureConfirmed.class);
        assertEquals("SN1", read.serial());
        assertEquals(null, read.timeZone());
        assertEquals(false, read.hasSite());

        var v2 = new com.poly.daas.events.tickets.HardwareFailureConfirmed("T-2", "P-1", "CU-1", "SN2", "LIQUID_SPILL",
                Instant.parse("2026-11-02T10:15:30Z"), "DE", "BE", "Europe/Berlin", null);
        EventEnvelope envelope = EventJson.envelope(v2, UUID.randomUUID(), Instant.now(), "ticket-service");
        assertEquals(2, envelope.schemaVersion());
        var back = EventJson.payload(EventJson.readEnvelope(EventJson.write(envelope)),
                com.poly.daas.events.tickets.HardwareFailureConfirmed.class);
        assertEquals(v2, back);
        assertTrue(back.hasSite());
    }

    @Test
    void fieldsAddedToReplacementShippedAreNullWhenAnOlderProducerLeftThemOut() throws Exception {
        var old = new com.poly.daas.events.rmas.ReplacementShipped("R-1", "P-1", "CU-1", "C-1", "SN1", "SN2", "CCX-500",
                Instant.parse("2026-11-02T10:15:30Z"), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 17));
        String json = EventJson.write(old).replace(",\"ticketId\":null,\"carrier\":null,\"trackingNumber\":null,\"customerTimeZone\":null", "");
        assertTrue(!json.contains("carrier"), json);
        var read = EventJson.mapper().readValue(json, com.poly.daas.events.rmas.ReplacementShipped.class);
        assertEquals(old, read);
    }
}
