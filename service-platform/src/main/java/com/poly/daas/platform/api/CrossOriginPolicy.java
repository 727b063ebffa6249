package com.poly.daas.platform.api;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CORS for the portal front ends, which call the APIs from browsers on their own origins. Allowed origins come from
 * configuration ({@code daas.cors.origins}, exact {@code scheme://host[:port]} values), none unless configured (so
 * none in production until the environment names its portals). For an allowed origin, a preflight may ask for the
 * API's methods and the headers {@value #ALLOWED_HEADERS}; responses expose {@value #EXPOSED_HEADERS}. A preflight
 * from another origin, or asking for another method or header, is refused with a 403 problem. Actual requests from
 * other origins are served without CORS headers (the browser withholds the response); callers authenticate with a
 * bearer header, never a cookie, so a cross-site page cannot act on a user's behalf.
 */
@ApplicationScoped
public class CrossOriginPolicy {
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match, Idempotency-Key";
    static final String EXPOSED_HEADERS = "ETag, Location, Idempotency-Replayed";
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE";

    private static final Set<String> HEADERS = lower(ALLOWED_HEADERS);
    private static final Set<String> METHODS = Set.of(ALLOWED_METHODS.split(", "));

    @ConfigProperty(name = "daas.cors.origins")
    Optional<List<String>> origins;
    @ConfigProperty(name = "daas.cors.max-age", defaultValue = "PT10M")
    Duration maxAge;

    void register(@Observes Filters filters) {
        filters.register(this::apply, RequestLimits.PRIORITY - 1);
    }

    void apply(RoutingContext context) {
        HttpServerRequest request = context.request();
        String origin = request.getHeader("Origin");
        if (origin == null) {
            context.next();
            return;
        }
        boolean allowed = origins.orElse(List.of()).contains(origin);
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        boolean preflight = request.method() == HttpMethod.OPTIONS && requestedMethod != null;
        HttpServerResponse response = request.response();
        if (!preflight) {
            if (allowed) {
                response.putHeader("Access-Control-Allow-Origin", origin)
                        .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS)
                        .putHeader("Vary", "Origin");
            }
            context.next();
            return;
        }
        response.putHeader("Vary", "Origin");
        if (!allowed) {
            EdgeProblems.send(request, 403, "cors-origin-refused", "Origin not allowed",
                    "This API does not serve browser pages from this origin (daas.cors.origins).", "Origin", "not an allowed origin");
            return;
        }
        if (!METHODS.contains(requestedMethod)) {
            EdgeProblems.send(request, 403, "cors-method-refused", "Method not allowed from a browser",
                    "Allowed methods: " + ALLOWED_METHODS + ".", "Access-Control-Request-Method", "not an allowed method");
            return;
        }
        String requestedHeaders = request.getHeader("Access-Control-Request-Headers");
        if (requestedHeaders != null && !requestedHeaders.isBlank()) {
            for (String header : lower(requestedHeaders)) {
                if (!HEADERS.contains(header)) {
                    EdgeProblems.send(request, 403, "cors-header-refused", "Header not allowed from a browser",
                            "Allowed request headers: " + ALLOWED_HEADERS + ".", "Access-Control-Request-Headers",
                            "'" + header + "' is not an allowed header");
                    return;
                }
            }
        }
        response.putHeader("Access-Control-Allow-Origin", origin)
                .putHeader("Access-Control-Allow-Methods", ALLOWED_METHODS)
                .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .putHeader("Access-Control-Max-Age", Long.toString(maxAge.toSeconds()))
                .setStatusCode(204).end();
    }

    private static Set<String> lower(String commaSeparated) {
        return java.util.Arrays.stream(commaSeparated.split(","))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }
}
