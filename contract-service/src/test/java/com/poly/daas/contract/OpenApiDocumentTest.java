package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The published contract: every operation is described with its rules, secured, and every body field has an example. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {
    /** Schemas of the platform (problem, pages) or without fields of their own. */
    static final Set<String> PLATFORM = Set.of("Problem", "FieldError", "AuditEntry", "JsonNode");

    @Test
    void everyOperationIsDescribedAndEveryFieldOfOurSchemasHasAnExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                if (path.getKey().startsWith("/audit-entries")) {
                    continue; // platform operation
                }
                if (op.getValue().path("description").asText().isBlank()) {
                    missing.add(name + ": no description");
                }
                if (!op.getValue().path("responses").has("401") || !op.getValue().path("responses").has("403")) {
                    missing.add(name + ": 401/403 not documented");
                }
                for (JsonNode parameter : op.getValue().path("parameters")) {
                    boolean header = "header".equals(parameter.path("in").asText());
                    if (!header && !parameter.has("example") && !parameter.has("examples") && !parameter.path("schema").has("example")
                            && !parameter.path("schema").has("examples")
                            && !parameter.path("schema").has("enum") && !parameter.path("name").asText().matches("limit|cursor")) {
                        missing.add(name + ": parameter " + parameter.path("name").asText() + " has no example");
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (PLATFORM.contains(schema.getKey()) || schema.getKey().startsWith("Page")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode p = prop.getValue();
                boolean described = p.has("example") || p.has("examples") || p.has("$ref") || p.has("allOf") || p.has("enum")
                        || "array".equals(p.path("type").asText());
                if (!described) {
                    missing.add("schema " + schema.getKey() + "." + prop.getKey() + ": no example");
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(doc.path("paths").path("/coverage").path("get").path("description").asText()).contains("E2", "E4", "P4");
        assertThat(doc.path("paths").path("/contracts/{contractId}/devices").path("post").path("description").asText())
                .contains("P6", "E1", "E3");
    }
}
