package com.poly.daas.testsupport.fuzz;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Fuzzes every operation of a running service's published OpenAPI document ({@code /q/openapi}) with bounded bad
 * input, as a partner ERP or a hostile client could send it, and reports every answer that breaks the API
 * conventions (docs/api-conventions.md): a 5xx, a 4xx without a problem+json body, or a bad input accepted (2xx).
 * Per operation, with a token of a role the operation allows: a valid-looking baseline request (reads only), then NUL and control
 * characters in each path, query and header value, {@code limit=abc}, forged cursors, wrong JSON types for each body
 * property, unpaired surrogates, trailing garbage, malformed JSON, no or a wrong Content-Type; once per service a
 * huge URL, huge headers and an oversized body. Header values with control characters and broken percent escapes
 * are sent as a connection's first request (where the HTTP codec used to answer a bare 400) and once more on an
 * established connection. Deterministic: the choices come from a seeded random, and the run is
 * bounded by a request count per operation and a time budget.
 */
public final class ApiFuzz {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ESTABLISHED = "(established connection) ";
    /** Marks a path or query value sent as it is, not percent-encoded (e.g. a broken percent escape). */
    private static final String RAW = "\u0000raw:";

    /** A bad request and what is acceptable as its answer. */
    private record Probe(String what, String method, String target, List<RawHttp.Header> headers, byte[] body,
                         long declaredLength, boolean mustRefuse) {
    }

    private record Operation(String method, String path, JsonNode op) {
        String name() {
            return method.toUpperCase() + " " + path;
        }
    }

    /** One body leaf the fuzzer can replace: its location in the body and its schema. */
    private record Slot(List<Object> location, JsonNode schema) {
        String name() {
            StringBuilder name = new StringBuilder();
            for (Object step : location) {
                if (step instanceof Integer index) {
                    name.append('[').append(index).append(']');
                } else {
                    name.append(name.length() == 0 ? "" : ".").append(step);
                }
            }
            return name.toString();
        }
    }

    private final JsonNode document;
    private final RawHttp http;
    private long seed = 17;
    private Duration budget = Duration.ofSeconds(60);
    private int bodyProbesPerOperation = 12;
    private String partnerId = "P-1001";
    private Random random;
    private final List<String> findings = new ArrayList<>();
    private int requests;
    private int baselineStatus;
    private final Map<String, String> tokens = new java.util.HashMap<>();

    private ApiFuzz(JsonNode document, RawHttp http) {
        this.document = document;
        this.http = http;
    }

    /** Reads the running service's document; requests go to the same host and port as RestAssured's. */
    public static ApiFuzz fromOpenApi() {
        String json = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            String host = URI.create(RestAssured.baseURI).getHost();
            return new ApiFuzz(JSON.readTree(json), new RawHttp(host == null ? "localhost" : host, RestAssured.port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
    }

    public ApiFuzz seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Stops sending new probes once this much time has passed (the findings so far are kept). */
    public ApiFuzz budget(Duration budget) {
        this.budget = budget;
        return this;
    }

    /** At most this many body-property probes per operation (chosen by the seeded random). */
    public ApiFuzz bodyProbesPerOperation(int count) {
        this.bodyProbesPerOperation = count;
        return this;
    }

    /** The partner id of the partner token, for operations only partners may call. */
    public ApiFuzz partner(String partnerId) {
        this.partnerId = partnerId;
        return this;
    }

    /** Runs the probes; returns the findings (empty when every answer follows the conventions). */
    public List<String> findings() {
        random = new Random(seed);
        findings.clear();
        requests = 0;
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        List<Operation> operations = operations();
        int done = 0;
        for (Operation operation : operations) {
            if (System.nanoTime() > deadline) {
                break;
            }
            for (Probe probe : probes(operation, done == 0)) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                run(operation, probe);
            }
            done++;
        }
        System.out.printf("ApiFuzz: %d of %d operations, %d requests, %d findings in %d ms (seed %d)%n",
                done, operations.size(), requests, findings.size(), (System.nanoTime() - start) / 1_000_000, seed);
        if (done < operations.size()) {
            findings.add("time budget " + budget + " ran out after " + done + " of " + operations.size() + " operations");
        }
        return List.copyOf(findings);
    }

    /** Fails with every finding. */
    public void verify() {
        List<String> found = findings();
        if (!found.isEmpty()) {
            throw new AssertionError(found.size() + " answers break the API conventions:\n  "
                    + String.join("\n  ", found.subList(0, Math.min(found.size(), 60))));
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean fixture = op.getValue().path("tags").toString().contains("\"" + IsolationSuite.FIXTURE_TAG + "\"");
                if (METHODS.contains(op.getKey()) && !fixture) {
                    operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
                }
            }
        }
        return operations;
    }

    // ---- probes

    private List<Probe> probes(Operation operation, boolean serviceWide) {
        List<Probe> probes = new ArrayList<>();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Map<String, String> queryValues = new LinkedHashMap<>();
        List<JsonNode> queryParams = new ArrayList<>();
        List<JsonNode> headerParams = new ArrayList<>();
        for (JsonNode parameter : parameters(operation)) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            String value = exampleText(parameter);
            switch (in) {
                // a write goes to an id nobody has: examples may name seed data other tests rely on
                case "path" -> pathValues.put(name, operation.method().equals("get") ? value : "FUZZ" + Long.toHexString(random.nextLong()).toUpperCase());
                case "query" -> {
                    queryParams.add(parameter);
                    if (parameter.path("required").asBoolean()) {
                        queryValues.put(name, value);
                    }
                }
                case "header" -> headerParams.add(parameter);
                default -> {
                }
            }
        }
        JsonNode content = operation.op().path("requestBody").path("content");
        String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
        boolean json = mediaType != null && mediaType.contains("json");
        JsonNode bodySchema = mediaType == null ? null : resolve(content.path(mediaType).path("schema"));
        List<Slot> slots = new ArrayList<>();
        JsonNode body = json ? build(bodySchema, new ArrayList<>(), slots, 0) : null;
        byte[] bodyBytes = json ? bytes(body) : mediaType != null ? "fuzz file content".getBytes(StandardCharsets.UTF_8) : null;
        String method = operation.method().toUpperCase();

        // Baseline of a read: must not fail (it may be refused, e.g. 404 for an example id, but as a problem). Writes
        // get no baseline: a valid write would change data that other tests of the same service rely on.
        baselineStatus = 0;
        if (method.equals("GET")) {
            probes.add(new Probe("baseline", method, target(operation.path(), pathValues, queryValues),
                    headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, false));
        }
        for (String name : pathValues.keySet()) {
            for (String bad : List.of("a\u0000b", "a\u0001b", "a\u007fb")) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, bad);
                probes.add(new Probe("path " + name + " with " + describe(bad), method, target(operation.path(), values, queryValues),
                        headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, true));
            }
        }
        if (!pathValues.isEmpty()) {
            String name = pathValues.keySet().iterator().next();
            Map<String, String> values = new LinkedHashMap<>(pathValues);
            values.put(name, RAW + "a%ZZb");
            probes.add(new Probe("path " + name + " with a broken percent escape", method, target(operation.path(), values, queryValues),
                    headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, true));
        }
        if (!queryParams.isEmpty()) {
            Map<String, String> values = new LinkedHashMap<>(queryValues);
            values.put(queryParams.get(0).path("name").asText(), RAW + "%G1");
            probes.add(new Probe("query with a broken percent escape", method, target(operation.path(), pathValues, values),
                    headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, true));
        }
        for (JsonNode parameter : queryParams) {
            String name = parameter.path("name").asText();
            List<String> bads = new ArrayList<>(List.of("a\u0000b", "a\u001fb"));
            if (name.equals("limit")) {
                bads.addAll(List.of("abc", "0", "99999999999", "1e3"));
            } else if (name.equals("cursor")) {
                bads.addAll(List.of("djE6eHh4fHl5eQ", "!!!", "djE6MjAyNi0xMS0yNFQwOToxNTowMFp8bm90LWEtdXVpZA"));
            } else if (isType(resolve(parameter.path("schema")), "integer") || isType(resolve(parameter.path("schema")), "boolean")) {
                bads.add("abc");
            }
            for (String bad : bads) {
                Map<String, String> values = new LinkedHashMap<>(queryValues);
                values.put(name, bad);
                // a forged cursor that decodes to a plausible sort key is a position in the list like any other
                boolean decodable = name.equals("cursor") && bad.startsWith("djE6");
                probes.add(new Probe("query " + name + "=" + describe(bad), method, target(operation.path(), pathValues, values),
                        headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, !decodable));
            }
        }
        for (JsonNode parameter : headerParams) {
            String name = parameter.path("name").asText();
            // C0 controls and DEL: as a connection's first request, and once on an established connection
            for (String bad : List.of("a\u0000b", "a\u0001b", "a\u007fb")) {
                probes.add(new Probe("header " + name + " with " + describe(bad), method, target(operation.path(), pathValues, queryValues),
                        headers(operation, headerParams, mediaType, Map.of(name, bad)), bodyBytes, -1, true));
            }
            probes.add(new Probe(ESTABLISHED + "header " + name + " with U+0001", method, target(operation.path(), pathValues, queryValues),
                    headers(operation, headerParams, mediaType, Map.of(name, "a\u0001b")), bodyBytes, -1, true));
            probes.add(new Probe("header " + name + " with U+0085", method, target(operation.path(), pathValues, queryValues),
                    headers(operation, headerParams, mediaType, Map.of(name, "a\u0085b")), bodyBytes, -1, true));
        }
        if (mediaType != null) {
            String baselineTarget = target(operation.path(), pathValues, queryValues);
            probes.add(new Probe("body without Content-Type", method, baselineTarget,
                    headers(operation, headerParams, null, Map.of()), bodyBytes, -1, true));
            if (json) { // an upload takes any file type: text/plain would be a valid write
                probes.add(new Probe("body as text/plain", method, baselineTarget,
                        headers(operation, headerParams, "text/plain", Map.of()), bodyBytes, -1, true));
            }
            if (json) {
                probes.add(new Probe("body with trailing garbage", method, baselineTarget,
                        headers(operation, headerParams, mediaType, Map.of()), concat(bodyBytes, " x}".getBytes(StandardCharsets.UTF_8)), -1, true));
                probes.add(new Probe("malformed JSON body", method, baselineTarget,
                        headers(operation, headerParams, mediaType, Map.of()), "{\"".getBytes(StandardCharsets.UTF_8), -1, true));
                probes.add(new Probe("JSON array instead of the body object", method, baselineTarget,
                        headers(operation, headerParams, mediaType, Map.of()), "[]".getBytes(StandardCharsets.UTF_8), -1, true));
                List<Probe> bodyProbes = new ArrayList<>();
                for (Slot slot : slots) {
                    for (Map.Entry<String, String> bad : badValues(slot.schema()).entrySet()) {
                        bodyProbes.add(new Probe("body " + slot.name() + " = " + bad.getKey(), method, baselineTarget,
                                headers(operation, headerParams, mediaType, Map.of()),
                                replace(body, slot.location(), bad.getValue()), -1, true));
                    }
                }
                Collections.shuffle(bodyProbes, random);
                probes.addAll(bodyProbes.subList(0, Math.min(bodyProbesPerOperation, bodyProbes.size())));
            }
        }
        if (serviceWide) {
            String baselineTarget = target(operation.path(), pathValues, queryValues);
            String hugeTarget = baselineTarget + (baselineTarget.contains("?") ? "&" : "?") + "pad=" + "a".repeat(9_000);
            probes.add(new Probe("URL over 8 KB", method, hugeTarget, headers(operation, headerParams, mediaType, Map.of()), bodyBytes, -1, true));
            probes.add(new Probe("headers over 16 KB", method, baselineTarget,
                    headers(operation, headerParams, mediaType, Map.of("X-Pad", "a".repeat(20_000))), bodyBytes, -1, true));
            probes.add(new Probe("body over the size limit", "POST", baselineTarget,
                    headers(operation, headerParams, "application/json", Map.of()), new byte[0], 64L * 1024 * 1024, true));
        }
        return probes;
    }

    private void run(Operation operation, Probe probe) {
        requests++;
        RawHttp.Response response;
        try {
            response = probe.what().startsWith(ESTABLISHED)
                    ? http.sendOnEstablishedConnection("/q/health/live", probe.method(), probe.target(), probe.headers(), probe.body())
                    : http.send(probe.method(), probe.target(), probe.headers(), probe.body(), probe.declaredLength());
        } catch (IOException | RuntimeException e) {
            findings.add(operation.name() + " [" + probe.what() + "]: no HTTP answer (" + e.getMessage() + ")");
            return;
        }
        int status = response.status();
        if (probe.what().equals("baseline")) {
            baselineStatus = status;
        }
        String where = operation.name() + " [" + probe.what() + "]: ";
        if (status >= 500) {
            findings.add(where + status + " " + abbreviate(response.bodyText()));
        } else if (status >= 400) {
            String type = response.header("content-type");
            if (type == null || !type.startsWith("application/problem+json")) {
                findings.add(where + status + " without a problem body (Content-Type " + type + ")");
            } else {
                try {
                    JsonNode problem = JSON.readTree(response.body());
                    if (problem.path("status").asInt() != status || problem.path("title").asText().isBlank()) {
                        findings.add(where + status + " with an incomplete problem " + abbreviate(response.bodyText()));
                    }
                    if (probe.what().startsWith("query limit") || probe.what().startsWith("query cursor")) {
                        if (status == 404 && baselineStatus != 404) {
                            findings.add(where + "404 instead of 400 naming the parameter");
                        }
                    }
                } catch (IOException e) {
                    findings.add(where + status + " with a body that is not JSON");
                }
            }
        } else if (probe.mustRefuse() && status < 300) {
            findings.add(where + "accepted (" + status + ")");
        }
    }

    // ---- requests

    private List<JsonNode> parameters(Operation operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.op().path("parameters").forEach(p -> parameters.add(resolve(p)));
        return parameters;
    }

    private List<RawHttp.Header> headers(Operation operation, List<JsonNode> headerParams, String contentType, Map<String, String> overrides) {
        List<RawHttp.Header> headers = new ArrayList<>();
        headers.add(new RawHttp.Header("Authorization", token(operation)));
        headers.add(new RawHttp.Header("Accept", "application/json, application/problem+json, */*"));
        if (contentType != null) {
            headers.add(new RawHttp.Header("Content-Type", contentType));
        }
        for (JsonNode parameter : headerParams) {
            String name = parameter.path("name").asText();
            if (overrides.containsKey(name)) {
                continue;
            }
            String value = switch (name.toLowerCase()) {
                case "idempotency-key" -> new UUID(random.nextLong(), random.nextLong()).toString();
                case "if-match", "if-none-match" -> "\"0\"";
                default -> exampleText(parameter);
            };
            headers.add(new RawHttp.Header(name, value));
        }
        overrides.forEach((name, value) -> headers.add(new RawHttp.Header(name, value)));
        return headers;
    }

    private String token(Operation operation) {
        return tokens.computeIfAbsent(operation.op().path("security").path(0).path("bearer").toString(), roles -> mint(operation));
    }

    private String mint(Operation operation) {
        String roles = operation.op().path("security").path(0).path("bearer").toString();
        if (roles.contains("\"admin\"")) {
            return Tokens.admin();
        }
        if (roles.contains("\"agent\"")) {
            return Tokens.agent();
        }
        if (roles.contains("\"partner\"")) {
            return Tokens.partner(partnerId);
        }
        return Tokens.service();
    }

    private static String target(String template, Map<String, String> pathValues, Map<String, String> query) {
        String path = template;
        for (Map.Entry<String, String> value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        return path + queryString(query, true);
    }

    private static String queryString(Map<String, String> query, boolean encode) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("?");
        query.forEach((name, value) -> text.append(text.length() > 1 ? "&" : "").append(encode(name)).append('=')
                .append(encode ? encode(value) : value));
        return text.toString();
    }

    /** Percent-encodes every byte but unreserved characters (RFC 3986). */
    private static String encode(String value) {
        if (value.startsWith(RAW)) {
            return value.substring(RAW.length());
        }
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    // ---- bodies from schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current != null; depth++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asText();
                current = document.at(ref.substring(1));
            } else if (current.has("allOf") && !current.has("properties") && !current.has("type")) {
                current = current.path("allOf").path(0);
            } else if ((current.has("anyOf") || current.has("oneOf")) && !current.has("type")) {
                JsonNode options = current.has("anyOf") ? current.path("anyOf") : current.path("oneOf");
                JsonNode chosen = options.path(0);
                for (JsonNode option : options) {
                    if (!"null".equals(option.path("type").asText())) {
                        chosen = option;
                        break;
                    }
                }
                current = chosen;
            } else {
                return current;
            }
        }
        return current == null ? NODES.objectNode() : current;
    }

    private static boolean isType(JsonNode schema, String type) {
        JsonNode declared = schema.path("type");
        if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (type.equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(declared.asText());
    }

    private JsonNode build(JsonNode rawSchema, List<Object> location, List<Slot> slots, int depth) {
        JsonNode schema = resolve(rawSchema);
        if (depth > 5) {
            return NODES.nullNode();
        }
        if (isType(schema, "object") || schema.has("properties")) {
            ObjectNode object = NODES.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                if (resolve(prop.getValue()).path("readOnly").asBoolean()) {
                    continue;
                }
                List<Object> at = new ArrayList<>(location);
                at.add(prop.getKey());
                object.set(prop.getKey(), build(prop.getValue(), at, slots, depth + 1));
            }
            if (!location.isEmpty()) {
                slots.add(new Slot(location, schema));
            }
            return object;
        }
        if (isType(schema, "array")) {
            ArrayNode array = NODES.arrayNode();
            List<Object> at = new ArrayList<>(location);
            at.add(0);
            array.add(build(schema.path("items"), at, slots, depth + 1));
            slots.add(new Slot(location, schema));
            return array;
        }
        slots.add(new Slot(location, schema));
        JsonNode example = example(rawSchema, schema);
        if (example != null) {
            return example;
        }
        if (isType(schema, "integer")) {
            return NODES.numberNode(1);
        }
        if (isType(schema, "number")) {
            return NODES.numberNode(1);
        }
        if (isType(schema, "boolean")) {
            return NODES.booleanNode(true);
        }
        return NODES.textNode(switch (schema.path("format").asText()) {
            case "date" -> "2026-11-24";
            case "date-time" -> "2026-11-24T09:15:00Z";
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> "fuzz";
        });
    }

    private static JsonNode example(JsonNode raw, JsonNode schema) {
        for (JsonNode s : List.of(raw, schema)) {
            if (s.has("example")) {
                return s.get("example");
            }
            if (s.path("examples").isArray() && !s.path("examples").isEmpty()) {
                return s.path("examples").get(0);
            }
            if (s.path("enum").isArray() && !s.path("enum").isEmpty()) {
                return s.path("enum").get(0);
            }
        }
        return null;
    }

    /** Wrong values for a property of this schema, as JSON text (name → value). */
    private static Map<String, String> badValues(JsonNode schema) {
        Map<String, String> bad = new LinkedHashMap<>();
        if (isType(schema, "object") || schema.has("properties")) {
            bad.put("a string instead of an object", "\"x\"");
            return bad;
        }
        if (isType(schema, "array")) {
            bad.put("an object instead of an array", "{}");
            return bad;
        }
        if (isType(schema, "integer")) {
            bad.put("\"1e3\"", "\"1e3\"");
            bad.put("1.5", "1.5");
            bad.put("true", "true");
        } else if (isType(schema, "number")) {
            bad.put("\"1e3\"", "\"1e3\"");
            bad.put("true", "true");
        } else if (isType(schema, "boolean")) {
            bad.put("1", "1");
            bad.put("\"true\"", "\"true\"");
        } else {
            bad.put("a NUL character", "\"a\\u0000b\"");
            bad.put("an escape character", "\"a\\u001bb\"");
            bad.put("an unpaired surrogate", "\"a\\ud800b\"");
            bad.put("a number", "12345");
            bad.put("true", "true");
            if ("date".equals(schema.path("format").asText())) {
                bad.put("an impossible date", "\"2026-02-30\"");
            }
        }
        return bad;
    }

    private static byte[] replace(JsonNode body, List<Object> location, String valueJson) {
        JsonNode copy = body.deepCopy();
        JsonNode value;
        try {
            value = JSON.readTree(valueJson);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode parent = copy;
        for (int i = 0; i < location.size() - 1; i++) {
            Object step = location.get(i);
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = location.get(location.size() - 1);
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.set(name, value);
        } else if (parent instanceof ArrayNode array && last instanceof Integer index && index < array.size()) {
            array.set(index, value);
        }
        return bytes(copy);
    }

    private String exampleText(JsonNode parameter) {
        JsonNode schema = resolve(parameter.path("schema"));
        JsonNode example = parameter.has("example") ? parameter.get("example")
                : parameter.path("examples").isObject() && parameter.path("examples").fields().hasNext()
                ? parameter.path("examples").fields().next().getValue().path("value")
                : example(parameter.path("schema"), schema);
        if (example != null && !example.isMissingNode() && !example.isNull()) {
            return example.isTextual() ? example.asText() : example.toString();
        }
        if ("uuid".equals(schema.path("format").asText())) {
            return new UUID(random.nextLong(), random.nextLong()).toString();
        }
        if (isType(schema, "integer")) {
            return "1";
        }
        return "fuzz";
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String describe(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(c < 0x20 || c == 0x7F ? String.format("U+%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
