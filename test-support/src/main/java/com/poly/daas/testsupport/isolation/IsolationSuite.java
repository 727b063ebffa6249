package com.poly.daas.testsupport.isolation;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.testsupport.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Partner isolation, checked for every operation of a service's published OpenAPI document, so that a new endpoint
 * cannot escape: an undeclared operation fails the suite. For each declared operation:
 * <ul>
 *   <li>without a token: 401;</li>
 *   <li>as an end user of the owning partner: 403 (S2);</li>
 *   <li>as another partner (the outsider) on the owner's data: 403 or 404, or for a list a 2xx that contains none of
 *       the owner's secrets;</li>
 *   <li>as the owner, for reads: 2xx (proves the fixture path is real, so the outsider's 404 means isolation).</li>
 * </ul>
 * And for writes (issue 9): every mutating operation whose request names other resources' ids (body properties or
 * query parameters called {@code ...Id}, {@code serial}, ... found in the document) needs a {@link #write} rule, in
 * which the outsider names the owner's ids: the answer must be a refusal with a problem body that does not name the
 * owner, and the owner's data must read the same before and after. The outsider must be a partner the service knows,
 * or its refusals would prove nothing.
 */
public final class IsolationSuite {
    private enum Kind { GET, LIST, SEND, STAFF, WRITE }

    private record Declared(Kind kind, String method, String path, String body, Supplier<String> ownerState) {
    }

    private final Set<String> documented;
    /** Mutating operations whose request names other resources' ids (body properties or query parameters). */
    private final Map<String, List<String>> namingIds;
    private boolean requireEveryOperation = true;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();

    private IsolationSuite(Set<String> documented, Map<String, List<String>> namingIds) {
        this.documented = documented;
        this.namingIds = namingIds;
    }

    /** Tag of test-only fixture operations; left out unless asked for ({@link #fromOpenApiWithFixtures()}). */
    public static final String FIXTURE_TAG = "Test fixtures";

    /** Reads the operations of the running service's OpenAPI document ({@code /q/openapi}). */
    public static IsolationSuite fromOpenApi() {
        return read(false);
    }

    /** Like {@link #fromOpenApi()}, including operations tagged {@value #FIXTURE_TAG} (to test the suite itself). */
    public static IsolationSuite fromOpenApiWithFixtures() {
        return read(true);
    }

    private static IsolationSuite read(boolean withFixtures) {
        String json = given().accept("application/json").queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString();
        try {
            JsonNode document = new ObjectMapper().readTree(json);
            JsonNode paths = document.path("paths");
            Set<String> operations = new LinkedHashSet<>();
            Map<String, List<String>> namingIds = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (String method : List.of("get", "put", "post", "delete", "patch")) {
                    JsonNode op = path.getValue().get(method);
                    boolean fixture = op != null && op.path("tags").toString().contains("\"" + FIXTURE_TAG + "\"");
                    if (op != null && (withFixtures || !fixture)) {
                        String operation = method.toUpperCase() + " " + path.getKey();
                        operations.add(operation);
                        if (!method.equals("get")) {
                            List<String> ids = idsNamedBy(document, op);
                            if (!ids.isEmpty()) {
                                namingIds.put(operation, ids);
                            }
                        }
                    }
                }
            }
            return new IsolationSuite(operations, namingIds);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document", e);
        }
    }

    /** The operations of the document (e.g. {@code GET /devices/{serial}}). */
    public Set<String> operations() {
        return documented;
    }

    /** A read of one of the owner's resources. */
    public IsolationSuite get(String operation, String path) {
        return declare(operation, Kind.GET, path, null, null);
    }

    /** A list or search: the outsider may get 2xx, but never one of the owner's secrets. */
    public IsolationSuite list(String operation, String path) {
        return declare(operation, Kind.LIST, path, null, null);
    }

    /** A mutating call on the owner's data (body may be null). */
    public IsolationSuite send(String operation, String path, String jsonBody) {
        return declare(operation, Kind.SEND, path, jsonBody, null);
    }

    /**
     * A write that names other resources' ids (issue 9). The outsider sends {@code jsonBody} to {@code path}, both
     * naming the owner's ids (customer, device, contract...) where the outsider's own would go, e.g. a ticket for the
     * owner's serial or an enrolment of the owner's device into the outsider's contract. It must be refused (403, 404,
     * 409 or 422 with a problem body that does not name the owner) and {@code ownerState} (read before and after, e.g.
     * the owner's view of the resource) must not change.
     */
    public IsolationSuite write(String operation, String path, String jsonBody, Supplier<String> ownerState) {
        return declare(operation, Kind.WRITE, path, jsonBody, ownerState);
    }

    /** An operation no partner may call at all: the outsider (a partner) must get 403. */
    public IsolationSuite staffOnly(String operation, String path, String jsonBody) {
        return declare(operation, Kind.STAFF, path, jsonBody, null);
    }

    /** Leaves an operation out, with the reason (e.g. a test fixture checked elsewhere). */
    public IsolationSuite ignore(String operation, String reason) {
        ignored.put(operation, reason);
        return this;
    }

    /** Checks the declared operations only, without requiring every documented one (to test the suite itself). */
    public IsolationSuite declaredOnly() {
        requireEveryOperation = false;
        return this;
    }

    /** Runs every check and fails with the complete list of violations. */
    public void verify(String owner, String outsider, Collection<String> ownerSecrets) {
        List<String> violations = violations(owner, outsider, ownerSecrets);
        if (!violations.isEmpty()) {
            throw new AssertionError("Partner isolation violated:\n  " + String.join("\n  ", violations));
        }
    }

    /** Every check's violations (empty when the service isolates partners). */
    public List<String> violations(String owner, String outsider, Collection<String> ownerSecrets) {
        List<String> violations = new ArrayList<>();
        for (String operation : documented) {
            if (requireEveryOperation && !declared.containsKey(operation) && !ignored.containsKey(operation)) {
                violations.add(operation + ": not declared in the isolation suite (every endpoint must be)");
            }
        }
        for (Map.Entry<String, List<String>> naming : namingIds.entrySet()) {
            String operation = naming.getKey();
            boolean partnersRefused = declared.containsKey(operation) && declared.get(operation).kind == Kind.STAFF;
            if (requireEveryOperation && !partnersRefused && !writeRules.contains(operation) && !ignored.containsKey(operation)) {
                violations.add(operation + ": names other resources' ids (" + String.join(", ", naming.getValue())
                        + ") but has no write rule in the isolation suite (declare write(...) with the owner's ids)");
            }
        }
        for (String operation : writeRules) {
            if (!documented.contains(operation)) {
                violations.add(operation + ": write rule declared but not in the OpenAPI document");
            }
        }
        for (String operation : declared.keySet()) {
            if (operation.endsWith(" (foreign ids)")) {
                continue;
            }
            if (!documented.contains(operation)) {
                violations.add(operation + ": declared but not in the OpenAPI document");
            }
        }
        for (Map.Entry<String, Declared> entry : declared.entrySet()) {
            String operation = entry.getKey();
            Declared d = entry.getValue();
            if (d.kind == Kind.WRITE) {
                checkWrite(operation, d, owner, outsider, violations);
                continue;
            }
            Response anonymous = call(d, null);
            if (anonymous.statusCode() != 401) {
                violations.add(operation + ": without a token got " + anonymous.statusCode() + ", expected 401");
            }
            Response endUser = call(d, Tokens.endUser(owner));
            if (endUser.statusCode() != 403) {
                violations.add(operation + ": as an end user got " + endUser.statusCode() + ", expected 403 (S2)");
            }
            Response foreign = call(d, Tokens.partner(outsider));
            int status = foreign.statusCode();
            String body = foreign.asString();
            if (body.contains("unknown-partner")) {
                violations.add(operation + ": the outsider " + outsider + " is not a partner known to the service, so its "
                        + "refusals prove nothing: make it known (ProgrammeFacts.partner) before the suite runs");
                continue;
            }
            boolean leaks = status < 300 && ownerSecrets.stream().anyMatch(body::contains);
            switch (d.kind) {
                case STAFF -> {
                    if (status != 403) {
                        violations.add(operation + ": as a partner got " + status + ", expected 403 (staff only)");
                    }
                }
                case LIST -> {
                    if (leaks) {
                        violations.add(operation + ": partner " + outsider + " sees partner " + owner + "'s data: " + abbreviate(body));
                    } else if (status >= 300 && status != 403) {
                        violations.add(operation + ": as another partner got " + status + ", expected 2xx without the owner's data, or 403");
                    }
                }
                default -> {
                    if (status != 403 && status != 404) {
                        violations.add(operation + ": partner " + outsider + " on partner " + owner + "'s data got " + status
                                + (leaks ? " and sees: " + abbreviate(body) : "") + ", expected 403 or 404");
                    }
                }
            }
            if (d.kind == Kind.GET) {
                Response own = call(d, Tokens.partner(owner));
                if (own.statusCode() >= 300) {
                    violations.add(operation + ": the owner itself got " + own.statusCode() + " on " + d.path
                            + " (fixture path wrong?)");
                }
            }
        }
        return violations;
    }

    private final Set<String> writeRules = new LinkedHashSet<>();

    private IsolationSuite declare(String operation, Kind kind, String path, String body, Supplier<String> ownerState) {
        String method = operation.substring(0, operation.indexOf(' '));
        if (kind == Kind.WRITE) {
            writeRules.add(operation);
            // the write rule is checked in addition to the operation's read-side declaration, under its own key
            declared.put(operation + " (foreign ids)", new Declared(kind, method, path, body, ownerState));
        } else {
            declared.put(operation, new Declared(kind, method, path, body, ownerState));
        }
        return this;
    }

    /**
     * Request body properties and query parameters of an operation that name another resource: {@code ...Id},
     * {@code serial}, {@code ...Serial} and their plurals, nested objects and arrays included.
     */
    private static List<String> idsNamedBy(JsonNode document, JsonNode op) {
        List<String> ids = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
            if ("query".equals(parameter.path("in").asText()) && namesId(parameter.path("name").asText())) {
                ids.add("query " + parameter.path("name").asText());
            }
        }
        JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
        collectIds(document, schema, "", ids, 0);
        return ids;
    }

    private static void collectIds(JsonNode document, JsonNode schema, String prefix, List<String> ids, int depth) {
        if (depth > 5 || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            collectIds(document, document.at(ref.substring(1)), prefix, ids, depth + 1);
            return;
        }
        if (schema.has("items")) {
            collectIds(document, schema.get("items"), prefix + "[]", ids, depth + 1);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (JsonNode part : schema.path(combinator)) {
                collectIds(document, part, prefix, ids, depth + 1);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            if (namesId(property.getKey())) {
                ids.add("body " + name);
            }
            collectIds(document, property.getValue(), name, ids, depth + 1);
        }
    }

    private static boolean namesId(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return (n.endsWith("id") && !n.equals("id") && !n.endsWith("paid")) || n.endsWith("ids")
                || n.endsWith("serial") || n.endsWith("serials");
    }

    private static void checkWrite(String operation, Declared d, String owner, String outsider, List<String> violations) {
        String before = d.ownerState.get();
        Response foreign = call(d, Tokens.partner(outsider));
        int status = foreign.statusCode();
        String body = foreign.asString();
        if (status != 403 && status != 404 && status != 409 && status != 422) {
            violations.add(operation + ": partner " + outsider + " naming partner " + owner + "'s ids got " + status
                    + ", expected a refusal (403, 404, 409 or 422): " + abbreviate(body));
        } else if (!body.contains("\"status\"") || body.contains(owner)) {
            violations.add(operation + ": the refusal must be a problem body that does not name partner " + owner + ": "
                    + abbreviate(body));
        }
        String after = d.ownerState.get();
        if (!before.equals(after)) {
            violations.add(operation + ": partner " + outsider + "'s attempt changed partner " + owner + "'s data:\n    before "
                    + abbreviate(before) + "\n    after  " + abbreviate(after));
        }
    }

    private static Response call(Declared d, String authorization) {
        RequestSpecification request = given().redirects().follow(false);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (d.body != null) {
            request.contentType("application/json").body(d.body);
        }
        return request.request(d.method, d.path);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "..." : body;
    }
}
