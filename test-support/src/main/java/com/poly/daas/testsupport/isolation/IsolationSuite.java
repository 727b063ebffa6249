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
 */
public final class IsolationSuite {
    private enum Kind { GET, LIST, SEND, STAFF }

    private record Declared(Kind kind, String method, String path, String body) {
    }

    private final Set<String> documented;
    private boolean requireEveryOperation = true;
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Map<String, String> ignored = new LinkedHashMap<>();

    private IsolationSuite(Set<String> documented) {
        this.documented = documented;
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
            JsonNode paths = new ObjectMapper().readTree(json).path("paths");
            Set<String> operations = new LinkedHashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                if (path.getKey().startsWith("/q/")) {
                    continue;
                }
                for (String method : List.of("get", "put", "post", "delete", "patch")) {
                    JsonNode op = path.getValue().get(method);
                    boolean fixture = op != null && op.path("tags").toString().contains("\"" + FIXTURE_TAG + "\"");
                    if (op != null && (withFixtures || !fixture)) {
                        operations.add(method.toUpperCase() + " " + path.getKey());
                    }
                }
            }
            return new IsolationSuite(operations);
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
        return declare(operation, Kind.GET, path, null);
    }

    /** A list or search: the outsider may get 2xx, but never one of the owner's secrets. */
    public IsolationSuite list(String operation, String path) {
        return declare(operation, Kind.LIST, path, null);
    }

    /** A mutating call on the owner's data (body may be null). */
    public IsolationSuite send(String operation, String path, String jsonBody) {
        return declare(operation, Kind.SEND, path, jsonBody);
    }

    /** An operation no partner may call at all: the outsider (a partner) must get 403. */
    public IsolationSuite staffOnly(String operation, String path, String jsonBody) {
        return declare(operation, Kind.STAFF, path, jsonBody);
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
        for (String operation : declared.keySet()) {
            if (!documented.contains(operation)) {
                violations.add(operation + ": declared but not in the OpenAPI document");
            }
        }
        for (Map.Entry<String, Declared> entry : declared.entrySet()) {
            String operation = entry.getKey();
            Declared d = entry.getValue();
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

    private IsolationSuite declare(String operation, Kind kind, String path, String body) {
        String method = operation.substring(0, operation.indexOf(' '));
        declared.put(operation, new Declared(kind, method, path, body));
        return this;
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
