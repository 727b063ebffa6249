package com.poly.daas.ticket;

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

/**
 * The published contract is complete: every operation of this service has a tag, a summary, a description, explicit
 * roles (never an end user's), a success response, 401/403 and problem+json bodies for its other errors; every parameter and every property of the
 * service's own schemas has an example. (Platform operations such as /audit-entries are checked by the platform.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketOpenApiTest {
    private static final Set<String> PLATFORM_SCHEMAS = Set.of("Problem", "FieldError", "AuditEntry", "JsonNode");

    @Test
    void everyOperationAndSchemaIsDocumentedWithExamples() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> gaps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/audit-entries")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode o = op.getValue();
                for (String field : List.of("tags", "summary", "description", "security")) {
                    if (o.path(field).isMissingNode() || o.path(field).isEmpty() && !o.path(field).isTextual()) {
                        gaps.add(name + ": no " + field);
                    }
                }
                JsonNode roles = o.path("security").path(0).path("bearer");
                if (roles.isEmpty() || roles.toString().contains("end-user")) {
                    gaps.add(name + ": roles " + roles);
                }
                JsonNode responses = o.path("responses");
                boolean success = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    success |= codes.next().startsWith("2");
                }
                if (!success) {
                    gaps.add(name + ": no success response");
                }
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                    String code = codes.next();
                    if (code.compareTo("400") >= 0
                            && responses.path(code).path("content").path("application/problem+json").isMissingNode()) {
                        gaps.add(name + ": no problem+json " + code);
                    }
                }
                for (String code : List.of("401", "403")) {
                    if (responses.path(code).isMissingNode()) {
                        gaps.add(name + ": no " + code + " response");
                    }
                }
                for (JsonNode parameter : o.path("parameters")) {
                    if (!parameter.has("example") && !parameter.has("examples")
                            && !parameter.path("schema").has("examples") && !parameter.path("schema").has("example")) {
                        gaps.add(name + ": parameter " + parameter.path("name").asText() + " has no example");
                    }
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (PLATFORM_SCHEMAS.contains(schema.getKey()) || schema.getKey().startsWith("Page")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode p = prop.getValue();
                boolean structured = p.has("$ref") || p.has("allOf") || p.has("anyOf") || p.has("oneOf")
                        || "array".equals(p.path("type").asText()) || p.path("type").toString().contains("array");
                if (!structured && !p.has("example") && !p.has("examples")) {
                    gaps.add("schema " + schema.getKey() + "." + prop.getKey() + " has no example");
                }
            }
        }
        assertThat(gaps).as("OpenAPI gaps").isEmpty();
    }
}
