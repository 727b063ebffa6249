package com.poly.daas.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

    @Test
    void publishedAsyncApiDocumentIsTheOneGeneratedFromTheEventCatalogue() throws Exception {
        Path doc = Path.of("..", "docs", "asyncapi.yaml");
        assertEquals(AsyncApiDocument.render(), Files.readString(doc),
                "docs/asyncapi.yaml is stale: regenerate it from the repository root with "
                        + "java -cp event-contracts/target/classes com.poly.daas.events.AsyncApiDocument docs/asyncapi.yaml");
    }

    @Test
    void everyEventHasAMessageAndAPayloadSchema() {
        String yaml = AsyncApiDocument.render();
        for (EventType type : EventType.values()) {
            assertTrue(yaml.contains("    " + type.wireName() + ":\n      name: " + type.wireName()), type.wireName());
            assertTrue(yaml.contains("address: " + type.topic()), type.topic());
        }
    }
}
