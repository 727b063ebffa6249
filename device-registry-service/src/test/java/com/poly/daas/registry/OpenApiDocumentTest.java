package com.poly.daas.registry;

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

/** The published contract: every operation is described, with its errors, and every field of our schemas has an example. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {
    /** Schemas that are containers of other schemas (their fields are objects or lists, documented where defined). */
    private static final Set<String> CONTAINERS = Set.of("Problem", "FieldError", "PriceHistory", "StatusHistory");
    /** Schemas of the shared service-platform (its audit endpoint), outside this module: reported to the platform owner. */
    private static final Set<String> PLATFORM = Set.of("AuditEntry", "JsonNode");

    @Test
    void everyOperationHasADescriptionItsErrorsAndEveryFieldAnExample() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/test-fixtures")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                if (o.path("summary").asText().isBlank() || o.path("description").asText().isBlank()) {
                    problems.add(name + ": no summary or description");
                }
                if (!o.has("tags")) {
                    problems.add(name + ": no tag");
                }
                JsonNode responses = o.path("responses");
                for (String code : List.of("401", "403", "500")) {
                    if (!responses.has(code)) {
                        problems.add(name + ": no " + code + " response");
                    }
                }
                boolean success = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    success |= codes.next().startsWith("2");
                }
                if (!success) {
                    problems.add(name + ": no success response");
                }
                if ((op.getKey().equals("post") || op.getKey().equals("put")) && !o.has("requestBody") && !name.contains("audit")) {
                    problems.add(name + ": no request body");
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (CONTAINERS.contains(schema.getKey()) || PLATFORM.contains(schema.getKey()) || schema.getKey().startsWith("Page")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode p = prop.getValue();
                boolean nested = p.has("$ref") || p.has("allOf") || ("array".equals(p.path("type").asText()) && p.path("items").has("$ref"));
                if (!nested && !p.has("example") && !p.has("examples") && !p.has("enum")) {
                    problems.add("schema " + schema.getKey() + "." + prop.getKey() + ": no example");
                }
            }
        }
        assertThat(operations).isGreaterThanOrEqualTo(28);
        assertThat(problems).isEmpty();
    }
}
