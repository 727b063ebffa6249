package com.poly.daas.apicontract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What no single service can check about its own document: across the suite, an operationId names one operation
 * (partners generate one client per service but read our docs, tickets and logs by operationId), and the five
 * documents describe the same API conventions the same way (one Problem, one info.version, one license).
 */
class SuiteDocumentsTest {
    static final List<String> SERVICES = List.of("device-registry-service", "contract-service", "ticket-service",
            "rma-service", "billing-service");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    static Map<String, JsonNode> documents() throws IOException {
        Map<String, JsonNode> docs = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path doc = Path.of("..", service, "target", "openapi", "openapi.json");
            assertThat(doc).as("%s's document (written when the service is packaged)", service).exists();
            docs.put(service, new ObjectMapper().readTree(Files.readString(doc)));
        }
        return docs;
    }

    @Test
    void everyOperationOfTheSuiteHasAnOperationIdNoOtherOperationUses() throws IOException {
        Map<String, String> owner = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> doc : documents().entrySet()) {
            for (Iterator<Map.Entry<String, JsonNode>> paths = doc.getValue().path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    if (!METHODS.contains(op.getKey())) {
                        continue;
                    }
                    operations++;
                    String where = doc.getKey() + " " + op.getKey().toUpperCase() + " " + path.getKey();
                    String id = op.getValue().path("operationId").asText();
                    if (id.isBlank()) {
                        problems.add(where + ": no operationId");
                    } else if (owner.containsKey(id)) {
                        problems.add(where + ": operationId " + id + " already names " + owner.get(id));
                    } else {
                        owner.put(id, where);
                    }
                }
            }
        }
        assertThat(problems).as("operationIds across the five documents").isEmpty();
        assertThat(operations).as("operations in the five documents").isGreaterThanOrEqualTo(60);
        assertThat(owner).containsKeys("openTicket", "triageTicket", "authoriseReplacement", "registerDevice", "enrolDevices",
                "listInvoices", "listTicketAuditEntries", "listDeviceRegistryAuditEntries");
    }

    @Test
    void theFiveDocumentsShareVersionLicenseContactAndTheProblemSchema() throws IOException {
        Set<String> infos = new HashSet<>();
        Set<String> problems = new HashSet<>();
        for (JsonNode doc : documents().values()) {
            JsonNode info = doc.path("info");
            infos.add(info.path("version").asText() + " | " + info.path("license") + " | " + info.path("contact"));
            problems.add(doc.path("components").path("schemas").path("Problem").toString());
            assertThat(doc.path("servers")).as("servers").isNotEmpty();
        }
        assertThat(infos).hasSize(1);
        assertThat(infos.iterator().next()).doesNotStartWith(" |").contains("\"identifier\"");
        assertThat(problems).hasSize(1).doesNotContain("");
    }
}
