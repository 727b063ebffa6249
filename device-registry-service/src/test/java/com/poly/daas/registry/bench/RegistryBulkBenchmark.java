package com.poly.daas.registry.bench;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a test: registers 100,000 devices through the bulk API (10 requests of 10,000) against the real service, real
 * PostgreSQL and real Kafka, and prints the throughput. Excluded from the normal run (tag "benchmark"); run it with
 * {@code benchmarks/registry-bulk-benchmark.sh}. Also reports how long the outbox relay takes to publish the 100,000
 * DeviceRegistered events to the broker.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RegistryBulkBenchmark {
    static final int REQUESTS = Integer.getInteger("bench.requests", 10);
    static final int ROWS = Integer.getInteger("bench.rows", 10_000);

    @Inject
    EntityManager em;

    @Test
    void registerOneHundredThousandDevicesThroughTheBulkApi() throws IOException {
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"Benchmark phone\",\"family\":\"CCX\",\"category\":\"DESK_PHONE\",\"daasEligible\":true}")
                .post("/models").then().statusCode(201);
        String partner = "P-BENCH";
        String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

        // warm-up (JIT, connection pool), not measured
        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON).body(body(sku, "W" + run, 0, 2_000))
                .post("/devices/bulk").then().statusCode(200);

        List<String> bodies = new ArrayList<>();
        for (int r = 0; r < REQUESTS; r++) {
            bodies.add(body(sku, run, r, ROWS));
        }
        long pendingBefore = pendingOutbox();
        List<Long> millis = new ArrayList<>();
        long started = System.nanoTime();
        for (String body : bodies) {
            long t = System.nanoTime();
            given().header("Authorization", Tokens.partner(partner)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(body).post("/devices/bulk")
                    .then().statusCode(200);
            millis.add((System.nanoTime() - t) / 1_000_000);
        }
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        int total = REQUESTS * ROWS;
        double perSecond = total * 1000.0 / elapsedMs;

        long relayStarted = System.nanoTime();
        org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> pendingOutbox() == 0);
        long relayMs = (System.nanoTime() - relayStarted) / 1_000_000;
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from device where sku = ?1 and serial like ?2").setParameter(1, sku).setParameter(2, "B" + run + "%")
                .getSingleResult()).longValue());
        assertThat(stored).isEqualTo(total);

        String report = String.format("""
                        device-registry bulk benchmark
                          requests: %d x %d devices = %d devices (each request: devices + status-history rows + one outbox event per device)
                          per request (ms): %s
                          total: %d ms -> %.0f devices/s through POST /devices/bulk
                          outbox: %d events pending at the start; the relay finished publishing to Kafka %d ms after the last response
                          machine: %d CPU(s) visible to the JVM, %s
                        """, REQUESTS, ROWS, total, millis, elapsedMs, perSecond, pendingBefore, relayMs,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.println(report);
        Path out = Path.of("target", "registry-bulk-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static String body(String sku, String run, int request, int rows) {
        StringBuilder b = new StringBuilder(rows * 100).append("{\"devices\":[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"serial\":\"B").append(run).append(String.format("%02d%06d", request, i)).append("\",\"sku\":\"").append(sku)
                    .append("\",\"customerId\":\"CU-").append(i % 500).append("\",\"deliveredOn\":\"2026-10-01\"}");
        }
        return b.append("]}").toString();
    }

    private long pendingOutbox() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where published_at is null").getSingleResult()).longValue());
    }
}
