package com.poly.daas.devstack.bench;

import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.events.registry.DeviceRegistered;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Bulk registration through the API (POST /devices/bulk, sequential requests of up to 10,000 rows, each with an
 * Idempotency-Key) beside COPY of the same kind of rows (device, its first status change, its DeviceRegistered outbox
 * row) into the same tables of the same server, in one transaction.
 */
final class BulkBench {
    private BulkBench() {
    }

    static String run(BenchEnv env, int requests, int rows) throws Exception {
        var registry = env.startService("device-registry-service", Map.of("DAAS_REGISTRY_SEED", "true"));
        String customer = UUID.randomUUID().toString();
        env.publish(Topics.PARTIES, new PartnerRegistered(Bench.PARTNER, "Partner " + Bench.PARTNER, "ACTIVE",
                LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31), Instant.now()), "contract-service");
        env.publish(Topics.PARTIES, new CustomerCreated(customer, Bench.PARTNER, "US", "US-NY", "America/New_York",
                "NORTH_AMERICA", "USD", Instant.now()), "contract-service");
        env.flush();
        try (Connection c = env.jdbc()) {
            // the partner and its customer travel under different keys (partitions): wait for both
            BenchEnv.await("the registry's party replica and catalogue", Duration.ofSeconds(60), () ->
                    BenchEnv.count(c, "select count(*) from registry.party_customer") >= 1
                            && BenchEnv.count(c, "select count(*) from registry.party_partner where partner_id = '"
                            + Bench.PARTNER + "'") == 1
                            && BenchEnv.count(c, "select count(*) from registry.model where sku = 'CCX-500'") == 1);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = BenchEnv.partnerToken(Bench.PARTNER);
        String url = registry.url() + "/devices/bulk";
        // warm-up: 2 requests of 2,000 rows, not counted
        for (int w = 0; w < 2; w++) {
            post(http, url, token, body(customer, "WARM" + w, 2000));
        }
        long[] perRequest = new long[requests];
        double cpu0 = BenchEnv.cpuSeconds(registry.pid());
        long start = System.nanoTime();
        for (int r = 0; r < requests; r++) {
            long t0 = System.nanoTime();
            post(http, url, token, body(customer, String.format("B%02d", r), rows));
            perRequest[r] = System.nanoTime() - t0;
        }
        double apiSeconds = (System.nanoTime() - start) / 1e9;
        double registryCpu = BenchEnv.cpuSeconds(registry.pid()) - cpu0;
        long devices = (long) requests * rows;
        long drainStart = System.nanoTime();
        double drained;
        try (Connection c = env.jdbc()) {
            BenchEnv.await("the outbox relay", Duration.ofMinutes(5), () ->
                    BenchEnv.count(c, "select count(*) from registry.outbox_event where published_at is null") == 0);
            drained = (System.nanoTime() - drainStart) / 1e9;
        }
        double copySeconds = copy(env, customer, devices);
        java.util.Arrays.sort(perRequest);
        double apiRate = devices / apiSeconds;
        double copyRate = devices / copySeconds;
        return "### Bulk registration: " + String.format("%,d", devices) + " devices in " + requests + " requests of "
                + String.format("%,d", rows) + " (after 2 x 2,000 warm-up)\n\n| measure | value | target |\n|---|---|---|\n"
                + Bench.row("POST /devices/bulk", String.format("%.1f s, **%,.0f devices/s** (request %.2f-%.2f s)", apiSeconds,
                apiRate, perRequest[0] / 1e9, perRequest[requests - 1] / 1e9), ">= 20,000/s " + Bench.mark(apiRate >= 20_000))
                + Bench.row("registry CPU during the requests (incl. its relay)", String.format("%.1f s", registryCpu), "")
                + Bench.row("outbox relay", "every DeviceRegistered on Kafka " + String.format("%.1f s", drained)
                + " after the last response", "")
                + Bench.row("COPY of the same rows (device, status change, outbox) in one transaction",
                String.format("%.1f s, %,.0f devices/s", copySeconds, copyRate), "")
                + Bench.row("ratio API / COPY", String.format("%.2f", apiRate / copyRate), "");
    }

    private static void post(HttpClient http, String url, String token, String body) throws Exception {
        var response = BenchEnv.send(http, BenchEnv.request(url, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("bulk registration answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
    }

    private static String body(String customer, String prefix, int rows) {
        StringBuilder json = new StringBuilder(rows * 80).append("{\"devices\":[");
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"serial\":\"").append(prefix).append(String.format("%08d", i))
                    .append("\",\"sku\":\"CCX-500\",\"customerId\":\"").append(customer).append("\",\"deliveredOn\":\"2026-10-15\"}");
        }
        return json.append("]}").toString();
    }

    /** The same rows the API writes, with COPY, into the same tables, committed once. */
    private static double copy(BenchEnv env, String customer, long devices) throws Exception {
        Instant now = Instant.now();
        StringBuilder device = new StringBuilder();
        StringBuilder history = new StringBuilder();
        StringBuilder outbox = new StringBuilder();
        for (long i = 0; i < devices; i++) {
            UUID id = UUID.randomUUID();
            String serial = String.format("COPY%08d", i);
            device.append(id).append('\t').append(Bench.PARTNER).append('\t').append(customer).append('\t').append(serial)
                    .append("\tCCX-500\t2026-10-15\tREGISTERED\t\\N\t").append(now).append("\t0\n");
            history.append(UUID.randomUUID()).append('\t').append(Bench.PARTNER).append('\t').append(id)
                    .append("\t\\N\tREGISTERED\tregistered (bulk)\t").append(now).append('\n');
            var event = new DeviceRegistered(serial, "CCX-500", Bench.PARTNER, customer, LocalDate.of(2026, 10, 15), null);
            UUID eventId = UUID.randomUUID();
            String payload = EventJson.write(EventJson.envelope(event, eventId, now, "device-registry-service"));
            outbox.append(eventId).append("\tDevice\t").append(serial).append("\tDeviceRegistered\t")
                    .append(payload.replace("\\", "\\\\")).append('\t').append(Topics.REGISTRY_DEVICES).append("\t1\t")
                    .append(now).append('\n');
        }
        try (Connection c = env.jdbc()) {
            c.setAutoCommit(false);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long t0 = System.nanoTime();
            copy.copyIn("copy registry.device (id, partner_id, customer_id, serial, sku, delivered_on, status, replaces_serial, "
                    + "registered_at, version) from stdin", new StringReader(device.toString()));
            copy.copyIn("copy registry.device_status_change (id, partner_id, device_id, previous_status, status, reason, "
                    + "changed_at) from stdin", new StringReader(history.toString()));
            copy.copyIn("copy registry.outbox_event (id, aggregatetype, aggregateid, type, payload, topic, schema_version, "
                    + "occurred_at) from stdin", new StringReader(outbox.toString()));
            c.commit();
            return (System.nanoTime() - t0) / 1e9;
        }
    }
}
