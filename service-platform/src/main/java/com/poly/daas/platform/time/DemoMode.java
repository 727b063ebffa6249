package com.poly.daas.platform.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The demo mode (issue 14): with {@code daas.demo.enabled=true}, which only the {@code demo} profile may set, every
 * service's clock is the {@link DemoClock} and admins move it through {@code /demo/clock} (not part of the API
 * documents: an operator tool, admin role required by an HTTP permission of the demo profile). Any other profile with
 * the flag refuses to start, so production can never run on a movable clock.
 *
 * <pre>
 *   GET  /demo/clock                          {"now": "...", "offset": "PT..."}
 *   POST /demo/clock {"set": "2027-01-04T09:00:00Z"} | {"advance": "P10D"} | {"reset": true}
 * </pre>
 */
@Singleton
public class DemoMode {
    private static final Logger LOG = Logger.getLogger(DemoMode.class);
    public static final String PATH = "/demo/clock";

    @ConfigProperty(name = "daas.demo.enabled", defaultValue = "false")
    boolean enabled;
    @ConfigProperty(name = "daas.clock.offset", defaultValue = "PT0S")
    Duration offset;
    @Inject
    DemoClock clock;

    /** Why this configuration may not run in demo mode, if it may not: the flag needs the demo profile. */
    public static Optional<String> refusal(boolean enabled, List<String> profiles) {
        return refusal(enabled, Duration.ZERO, profiles);
    }

    /** As {@link #refusal(boolean, List)}; a shifted clock ({@code daas.clock.offset}) is demo mode too. */
    public static Optional<String> refusal(boolean enabled, Duration offset, List<String> profiles) {
        if ((enabled || !offset.isZero()) && !profiles.contains("demo")) {
            return Optional.of("daas.demo.enabled / daas.clock.offset need the 'demo' profile (active: " + profiles
                    + "): a movable or shifted clock is never allowed in production");
        }
        if (!offset.isZero() && !enabled) {
            return Optional.of("daas.clock.offset needs daas.demo.enabled=true");
        }
        return Optional.empty();
    }

    public boolean enabled() {
        return enabled;
    }

    void guard(@Observes StartupEvent event) {
        refusal(enabled, offset, ConfigUtils.getProfiles()).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        if (enabled) {
            LOG.warnf("DEMO MODE: the clock is movable through %s (now %s)", PATH, clock.instant());
        }
    }

    void routes(@Observes Router router) {
        if (!enabled || refusal(enabled, offset, ConfigUtils.getProfiles()).isPresent()) {
            return;
        }
        router.get(PATH).handler(this::show);
        router.post(PATH).handler(BodyHandler.create().setBodyLimit(1024)).blockingHandler(this::move);
    }

    private void show(RoutingContext ctx) {
        answer(ctx, 200, new JsonObject().put("now", clock.instant().toString()).put("offset", clock.offset().toString()));
    }

    private void move(RoutingContext ctx) {
        try {
            JsonNode body = new ObjectMapper().readTree(ctx.body().asString() == null ? "{}" : ctx.body().asString());
            if (body.hasNonNull("set")) {
                clock.set(Instant.parse(body.get("set").asText()));
            } else if (body.hasNonNull("advance")) {
                clock.advance(Duration.parse(body.get("advance").asText()));
            } else if (body.path("reset").asBoolean(false)) {
                clock.reset();
            } else {
                throw new IllegalArgumentException("give one of set (ISO instant), advance (ISO duration) or reset: true");
            }
            LOG.infof("DEMO MODE: clock now %s (offset %s)", clock.instant(), clock.offset());
            show(ctx);
        } catch (Exception e) {
            answer(ctx, 400, new JsonObject().put("type", "https://problems.daas.poly.com/validation-failed")
                    .put("title", "Request is not valid").put("status", 400).put("detail", String.valueOf(e.getMessage())));
        }
    }

    private static void answer(RoutingContext ctx, int status, JsonObject body) {
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                .end(body.encode());
    }
}
