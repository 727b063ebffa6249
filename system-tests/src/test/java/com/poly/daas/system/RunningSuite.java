package com.poly.daas.system;

import com.poly.daas.devstack.DevTokens;
import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.Suite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * PostgreSQL, Kafka and the five packaged services, started once for all journey classes of the run (JUnit's root
 * store closes them after the last class), so that a new journey class costs its steps, not another start-up.
 * A class gets it with {@code @ExtendWith(RunningSuite.Resolver.class)} and a {@code RunningSuite} parameter.
 */
final class RunningSuite implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    /** Resolves a {@code RunningSuite} parameter of a test or lifecycle method. */
    static final class Resolver implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RunningSuite.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return in(context);
        }
    }

    final Path dir;
    final Infrastructure infrastructure;
    final Suite suite;
    final Path root = Path.of("..").toAbsolutePath().normalize();

    static RunningSuite in(ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(RunningSuite.class, k -> start(), RunningSuite.class);
    }

    private static RunningSuite start() {
        try {
            return new RunningSuite();
        } catch (Exception e) {
            throw new IllegalStateException("could not start the suite", e);
        }
    }

    private RunningSuite() throws Exception {
        dir = Files.createTempDirectory("daas-system-");
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);
        infrastructure = Infrastructure.start(dir, true, 0, 0);
        Path key = dir.resolve("dev-public.pem");
        Files.writeString(key, DevTokens.publicKeyPem());
        try {
            suite = Suite.start(root, infrastructure.endpoints(), Suite.freePorts(), key, dir.resolve("logs"),
                    Map.of("DAAS_BLOB_DIR", dir.resolve("blobs").toString(),
                            // the overdue scan (A3 -> A4) runs often enough for a journey to see it
                            "DAAS_RMAS_OVERDUE_SCAN_EVERY", "2s",
                            // issue 14: as ./daas run, the demo profile (production settings, a clock admins move
                            // through /demo/clock)
                            "QUARKUS_PROFILE", "demo",
                            // the invoice scheduler (B1) looks at its clock every second
                            "DAAS_BILLING_RUN_CHECK_EVERY", "1s"),
                    // a loaded machine may need longer to start five JVMs: -Ddaas.suite.ready-minutes=N
                    Duration.ofMinutes(Long.getLong("daas.suite.ready-minutes", 3)));
        } catch (Exception | Error e) {
            infrastructure.close();
            throw e;
        }
    }

    /** The development key the services trust (for another replica started by a journey). */
    Path key() {
        return dir.resolve("dev-public.pem");
    }

    String url(String service) {
        return suite.service(service).url();
    }

    /** A JSON request to {@code service} with the caller's bearer token. */
    io.restassured.specification.RequestSpecification at(String service, String token) {
        return io.restassured.RestAssured.given().baseUri(url(service)).header("Authorization", token)
                .contentType("application/json");
    }

    /** The year after the one the demo clock shows now: its months are a journey's to move through. */
    int nextYearOnTheDemoClock() {
        return java.time.Instant.parse(at("billing-service", "Bearer " + DevTokens.staff("admin")).get("/demo/clock").then()
                .statusCode(200).extract().<String>path("now")).atZone(java.time.ZoneOffset.UTC).getYear() + 1;
    }

    /** Issue 14: sets the demo clock of all five services to {@code instant} (time flows on from there). */
    void clockAt(java.time.Instant instant) {
        demoClock("{\"set\":\"" + instant + "\"}");
    }

    /** Issue 14: moves the demo clock of all five services forward. */
    void advanceClocks(Duration amount) {
        demoClock("{\"advance\":\"" + amount + "\"}");
    }

    /** Back to the real time in every service (a journey that moved time leaves it as it found it). */
    void resetClocks() {
        demoClock("{\"reset\":true}");
    }

    /**
     * Moves the demo clock of all five services at once (issue 14), as {@code ./daas clock} does: {@code body} is
     * {@code {"set": INSTANT}}, {@code {"advance": DURATION}} or {@code {"reset": true}}. A journey that moves it resets
     * it when it ends, so that the next journey class starts on real time.
     */
    void demoClock(String body) {
        String admin = "Bearer " + DevTokens.staff("admin");
        for (String service : suite.services().keySet()) {
            io.restassured.RestAssured.given().baseUri(url(service)).header("Authorization", admin)
                    .contentType("application/json").body(body).post("/demo/clock").then().statusCode(200);
        }
    }

    @Override
    public void close() {
        suite.close();
        infrastructure.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
