package com.poly.daas.testsupport.openapi;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API conventions, checked on a running service's published OpenAPI document (docs/api-conventions.md): info has
 * a title, description, version, contact and a license with its SPDX identifier; servers are listed; every
 * operation has an operationId (lowerCamelCase, unique in the document), a tag, a summary, a description and explicit
 * roles (never an end user's), a success response, every response header a schema,
 * 401/403/500 (412/428 when it takes If-Match, 422 when it takes Idempotency-Key), a problem+json body on every error response and an example on
 * every parameter; every property of the
 * service's schemas has an example (nested objects and lists are documented where defined).
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** Platform schemas: containers of other schemas, documented in service-platform. */
    private static final Set<String> PLATFORM_CONTAINERS = Set.of("Problem", "FieldError");

    private final Set<String> containers = new HashSet<>(PLATFORM_CONTAINERS);
    private int minimumOperations = 1;

    public static OpenApiContract check() {
        return new OpenApiContract();
    }

    /** Schemas whose properties are all other schemas or lists of them (nothing to give an example of). */
    public OpenApiContract containers(String... schemas) {
        containers.addAll(List.of(schemas));
        return this;
    }

    /** Guards against a document that lost its operations (e.g. a resource no longer discovered). */
    public OpenApiContract atLeast(int operations) {
        minimumOperations = operations;
        return this;
    }

    /** The gaps found; empty when the document follows the conventions. */
    public List<String> gaps() {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
        List<String> gaps = new ArrayList<>();
        JsonNode info = doc.path("info");
        if (info.path("title").asText().isBlank() || info.path("description").asText().isBlank()) {
            gaps.add("info: no title or description");
        }
        if (info.path("version").asText().isBlank()) {
            gaps.add("info: no version");
        }
        if (info.path("contact").path("name").asText().isBlank()
                || (info.path("contact").path("email").asText().isBlank() && info.path("contact").path("url").asText().isBlank())) {
            gaps.add("info: no contact with a name and an email or url");
        }
        if (info.path("license").path("name").asText().isBlank() || info.path("license").path("identifier").asText().isBlank()) {
            gaps.add("info: no license with a name and an SPDX identifier");
        }
        if (doc.path("servers").isEmpty()) {
            gaps.add("servers: none listed");
        }
        for (JsonNode server : doc.path("servers")) {
            String url = server.path("url").asText();
            if (!url.startsWith("https://") || url.contains("localhost") || url.contains("0.0.0.0")) {
                gaps.add("servers: " + url + " is not where partners call the API (https, no localhost)");
            }
        }
        Set<String> operationIds = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode o = op.getValue();
                if (!METHODS.contains(op.getKey()) || o.path("tags").toString().contains("\"" + IsolationSuite.FIXTURE_TAG + "\"")) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String operationId = o.path("operationId").asText();
                if (!operationId.matches("[a-z][a-zA-Z0-9]+")) {
                    gaps.add(name + ": no operationId in lowerCamelCase (" + operationId + ")");
                } else if (!operationIds.add(operationId)) {
                    gaps.add(name + ": operationId " + operationId + " used twice");
                }
                checkOperation(name, o, gaps);
            }
        }
        if (operations < minimumOperations) {
            gaps.add("only " + operations + " operations documented, expected at least " + minimumOperations);
        }
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (containers.contains(schema.getKey()) || schema.getKey().startsWith("Page")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                JsonNode p = prop.getValue();
                boolean structured = p.has("$ref") || p.has("allOf") || p.has("anyOf") || p.has("oneOf")
                        || p.path("type").toString().contains("array");
                if (!structured && !p.has("example") && !p.has("examples") && !p.has("enum")) {
                    gaps.add("schema " + schema.getKey() + "." + prop.getKey() + ": no example");
                }
            }
        }
        return gaps;
    }

    /** Fails with every gap. */
    public void verify() {
        List<String> gaps = gaps();
        if (!gaps.isEmpty()) {
            throw new AssertionError("OpenAPI document does not follow the API conventions:\n  " + String.join("\n  ", gaps));
        }
    }

    private static void checkOperation(String name, JsonNode o, List<String> gaps) {
        for (String field : List.of("summary", "description")) {
            if (o.path(field).asText().isBlank()) {
                gaps.add(name + ": no " + field);
            }
        }
        if (o.path("tags").isEmpty()) {
            gaps.add(name + ": no tag");
        }
        JsonNode roles = o.path("security").path(0).path("bearer");
        if (roles.isEmpty() || roles.toString().contains("end-user")) {
            gaps.add(name + ": no explicit roles in its security requirement (" + roles + ")");
        }
        JsonNode responses = o.path("responses");
        boolean success = false;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            success |= code.startsWith("2") || code.equals("304");
            if (code.compareTo("400") >= 0 && responses.path(code).path("content").path("application/problem+json").isMissingNode()) {
                gaps.add(name + ": error " + code + " without a problem+json body");
            }
            for (Iterator<Map.Entry<String, JsonNode>> headers = responses.path(code).path("headers").fields(); headers.hasNext(); ) {
                Map.Entry<String, JsonNode> header = headers.next();
                if (!header.getValue().has("schema") && !header.getValue().has("content") && !header.getValue().has("$ref")) {
                    gaps.add(name + ": response " + code + " header " + header.getKey() + " has no schema");
                }
            }
        }
        if (!success) {
            gaps.add(name + ": no success response");
        }
        for (String code : List.of("401", "403", "500")) {
            if (!responses.has(code)) {
                gaps.add(name + ": no " + code + " response");
            }
        }
        for (JsonNode parameter : o.path("parameters")) {
            if (parameter.path("name").asText().equalsIgnoreCase("Idempotency-Key") && !responses.has("422")) {
                gaps.add(name + ": takes Idempotency-Key but lists no 422");
            }
            if (parameter.path("name").asText().equalsIgnoreCase("If-Match")) {
                for (String code : List.of("412", "428")) {
                    if (!responses.has(code)) {
                        gaps.add(name + ": takes If-Match but lists no " + code);
                    }
                }
            }
            if (!parameter.has("example") && !parameter.has("examples")
                    && !parameter.path("schema").has("example") && !parameter.path("schema").has("examples")
                    && !parameter.path("schema").has("enum") && !parameter.path("schema").has("$ref")) {
                gaps.add(name + ": parameter " + parameter.path("name").asText() + " has no example");
            }
        }
    }

    private OpenApiContract() {
    }
}
