package com.poly.daas.devstack.bench;

import com.poly.daas.devstack.EmbeddedKafka;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.rmas.ReplacementShipped;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * ReplacementShipped committed in rma-service's outbox -> applied by contract-service (coverage moves to the
 * replacement, P4) and by the registry (replacement registered, original IN_RETURN, A2), over N events committed at a
 * steady rate. The originals are real: registered through the registry's bulk API and enrolled in an active contract
 * through contract-service's API. Each event is committed as rma-service's own transaction commits it (a row in its
 * outbox_event, published by its relay); "applied" is the commit of the consumer's inbox row (PostgreSQL's commit
 * timestamp of the applying transaction, {@code track_commit_timestamp} on: a consumer applying a poll's events in one
 * transaction is measured at that commit, not at the row's processed_at). Beside it, Kafka's own produce -> consume
 * latency on the same broker at the same rate.
 */
final class EventBench {
    private static final String PARTNER = "P-1001"; // seeded by contract-service (DAAS_CONTRACTS_SEED)
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private EventBench() {
    }

    /**
     * @param warmupSeconds events at the same rate before the measured ones, not measured (as the HTTP benchmarks'
     *                      warm-up: the first events of a fresh JVM pay for compiling the path and the first queries)
     */
    static String run(BenchEnv env, int events, int rate, int warmupSeconds) throws Exception {
        int warmup = warmupSeconds * rate;
        int originals = events + warmup;
        var contracts = env.startService("contract-service", Map.of("DAAS_CONTRACTS_SEED", "true"));
        var registry = env.startService("device-registry-service", Map.of("DAAS_REGISTRY_SEED", "true"));
        var rma = env.startService("rma-service", Map.of());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String token = BenchEnv.partnerToken(PARTNER);
        try (Connection c = env.jdbc()) {
            BenchEnv.await("P-1001 in the registry's replica and the catalogue in contract-service's", Duration.ofSeconds(90), () ->
                    BenchEnv.count(c, "select count(*) from registry.party_partner where partner_id = 'P-1001'") == 1
                            && BenchEnv.count(c, "select count(*) from contracts.model_fact where sku = 'CCX-500'") == 1);
        }
        // a customer of P-1001 (contract-service publishes it to the registry)
        String customer = id(post(http, contracts.url() + "/customers", token, """
                {"legalName":"Benchmark Clinics Inc.","country":"US","subdivision":"US-NY","timeZone":"America/New_York"}""", 201));
        try (Connection c = env.jdbc()) {
            BenchEnv.await("the customer in the registry's replica", Duration.ofSeconds(60), () ->
                    BenchEnv.count(c, "select count(*) from registry.party_customer where customer_id = '" + customer + "'") == 1);
        }
        // the originals: registered in the registry, replicated to contract-service, enrolled in an active contract
        for (int from = 0; from < originals; from += 10_000) {
            StringBuilder body = new StringBuilder("{\"devices\":[");
            for (int i = from; i < Math.min(originals, from + 10_000); i++) {
                body.append(i == from ? "" : ",").append("{\"serial\":\"").append(original(i))
                        .append("\",\"sku\":\"CCX-500\",\"customerId\":\"").append(customer).append("\",\"deliveredOn\":\"2026-10-01\"}");
            }
            post(http, registry.url() + "/devices/bulk", token, body.append("]}").toString(), 200);
        }
        try (Connection c = env.jdbc()) {
            BenchEnv.await("the originals in contract-service's replica", Duration.ofMinutes(3), () ->
                    BenchEnv.count(c, "select count(*) from contracts.registered_device where customer_id = '" + customer + "'") >= originals);
        }
        var draft = send(http, BenchEnv.request(contracts.url() + "/contracts", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"customerId\":\"" + customer + "\",\"termMonths\":36,"
                        + "\"monthlyFee\":{\"amount\":\"9.00\",\"currency\":\"USD\"},"
                        + "\"extendedCoverageFee\":{\"amount\":\"2.00\",\"currency\":\"USD\"}}")).build(), 201);
        String contract = id(draft.body());
        send(http, BenchEnv.request(contracts.url() + "/contracts/" + contract + "/activation", token)
                .header("If-Match", draft.headers().firstValue("ETag").orElseThrow())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200);
        for (int from = 0; from < originals; from += 500) {
            StringBuilder body = new StringBuilder("{\"devices\":[");
            for (int i = from; i < Math.min(originals, from + 500); i++) {
                body.append(i == from ? "" : ",").append("{\"serial\":\"").append(original(i))
                        .append("\",\"sku\":\"CCX-500\",\"option\":\"STANDARD\",\"deliveredOn\":\"2026-10-01\"}");
            }
            post(http, contracts.url() + "/contracts/" + contract + "/devices", token, body.append("]}").toString(), 201);
        }
        BenchEnv.log("enrolled " + originals + " originals in contract " + contract);
        // settle: the set-up's own events (registrations, enrolments) are applied everywhere before the clock starts
        Thread.sleep(5_000);

        String contractId = contract;
        if (warmup > 0) {
            BenchEnv.log("warm-up: " + warmup + " events at " + rate + "/s, not measured");
            commit(env, customer, contractId, events, warmup, rate, new HashMap<>());
            try (Connection c = env.jdbc()) {
                awaitApplied(c, warmup);
            }
        }

        // Kafka alone, same broker, same rate, in a thread beside the measured run
        KafkaProbe probe = new KafkaProbe(env, events, rate);
        Thread probeThread = new Thread(probe, "kafka-probe");
        probeThread.start();

        Map<UUID, Long> committedAt = new java.util.LinkedHashMap<>(); // commit order
        // CPU of each service (all threads: consumers, relay, Kafka clients) from the first commit to the last applied
        double[] cpu0 = {BenchEnv.cpuSeconds(contracts.pid()), BenchEnv.cpuSeconds(registry.pid()), BenchEnv.cpuSeconds(rma.pid())};
        long start = System.nanoTime();
        commit(env, customer, contractId, 0, events, rate, committedAt);
        double[] contractLatencies;
        double[] registryLatencies;
        String cpuPerEvent;
        try (Connection c = env.jdbc()) {
            awaitApplied(c, warmup + events);
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] cpu1 = {BenchEnv.cpuSeconds(contracts.pid()), BenchEnv.cpuSeconds(registry.pid()), BenchEnv.cpuSeconds(rma.pid())};
            cpuPerEvent = String.format("contract-service %.2f ms, registry %.2f ms, rma-service (relay) %.2f ms; every event "
                            + "applied by both %.1f s after the first commit (%.0f events/s)",
                    (cpu1[0] - cpu0[0]) * 1000 / events, (cpu1[1] - cpu0[1]) * 1000 / events, (cpu1[2] - cpu0[2]) * 1000 / events,
                    seconds, events / seconds);
            contractLatencies = latencies(c, "contracts", committedAt);
            registryLatencies = latencies(c, "registry", committedAt);
            long parked = BenchEnv.count(c, "select count(*) from contracts.parked_event")
                    + BenchEnv.count(c, "select count(*) from registry.parked_event");
            if (parked > 0) {
                BenchEnv.log("WARNING: " + parked + " events parked (not applicable): see the services' logs");
            }
        }
        probeThread.join();
        // where the slow ones were: p50 / p99 of each tenth of the run, in commit order (log only)
        StringBuilder tenths = new StringBuilder("applied in both, by tenth of the run (p50/p99 ms):");
        for (int t = 0; t < 10; t++) {
            int from = t * contractLatencies.length / 10;
            int to = (t + 1) * contractLatencies.length / 10;
            double[] slice = new double[to - from];
            for (int i = from; i < to; i++) {
                slice[i - from] = Math.max(contractLatencies[i], registryLatencies[i]);
            }
            Arrays.sort(slice);
            tenths.append(String.format(" %.0f/%.0f", percentile(slice, 50), percentile(slice, 99)));
        }
        BenchEnv.log(tenths.toString());
        double[] both = new double[contractLatencies.length];
        for (int i = 0; i < both.length; i++) {
            both[i] = Math.max(contractLatencies[i], registryLatencies[i]);
        }
        Arrays.sort(contractLatencies);
        Arrays.sort(registryLatencies);
        Arrays.sort(both);
        double[] kafka = probe.sortedLatencies();
        return "### Event path: " + String.format("%,d", events) + " ReplacementShipped at " + rate + "/s (after "
                + warmupSeconds + " s of warm-up at the same rate, not measured), committed in "
                + "rma-service's outbox -> applied (inbox) in contract-service and the registry\n\n"
                + "| measure | p50 | p99 | max | target |\n|---|---|---|---|---|\n"
                + "| applied in contract-service | " + ms(contractLatencies, 50) + " | " + ms(contractLatencies, 99) + " | "
                + ms(contractLatencies, 100) + " | |\n"
                + "| applied in the registry | " + ms(registryLatencies, 50) + " | " + ms(registryLatencies, 99) + " | "
                + ms(registryLatencies, 100) + " | |\n"
                + "| applied in both (the later of the two) | " + ms(both, 50) + " | " + ms(both, 99) + " | " + ms(both, 100)
                + " | p99 <= 250 ms " + Bench.mark(percentile(both, 99) <= 250) + " |\n"
                + "| Kafka alone: produce (acks=all) -> consume, same broker, same rate | " + ms(kafka, 50) + " | "
                + ms(kafka, 99) + " | " + ms(kafka, 100) + " | |\n"
                + "| service CPU per event (all threads, first commit to last applied) | " + cpuPerEvent + " | | | |\n"
                + "| | | | | |\n";
    }

    /**
     * Commits {@code count} ReplacementShipped of originals {@code first}.. in rma-service's outbox at {@code rate} per
     * second, one transaction each, recording each event's commit time (micros) in {@code committedAt}.
     */
    private static void commit(BenchEnv env, String customer, String contractId, int first, int count, int rate,
                               Map<UUID, Long> committedAt) throws Exception {
        try (Connection c = env.jdbc();
             PreparedStatement insert = c.prepareStatement("""
                     insert into rmas.outbox_event (id, aggregatetype, aggregateid, type, payload, topic, schema_version, occurred_at)
                     values (?, 'Rma', ?, 'ReplacementShipped', cast(? as jsonb), ?, ?, ?)""")) {
            long intervalNanos = 1_000_000_000L / rate;
            long next = System.nanoTime();
            for (int i = first; i < first + count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                next += intervalNanos;
                String rmaId = UUID.randomUUID().toString();
                Instant now = Instant.now();
                var event = new ReplacementShipped(rmaId, PARTNER, customer, contractId, original(i), "REPL" + original(i).substring(4),
                        "CCX-500", now, LocalDate.now().plusDays(2), LocalDate.now().plusDays(16), null, "UPS", "1Z" + i,
                        "America/New_York");
                UUID eventId = UUID.randomUUID();
                var envelope = EventJson.envelope(event, eventId, now, "rma-service");
                insert.setObject(1, eventId);
                insert.setString(2, rmaId);
                insert.setString(3, EventJson.write(envelope));
                insert.setString(4, Topics.RMAS);
                insert.setInt(5, envelope.schemaVersion());
                insert.setTimestamp(6, Timestamp.from(now));
                insert.executeUpdate(); // autocommit: the commit is the event's birth
                Instant committed = Instant.now();
                committedAt.put(eventId, committed.getEpochSecond() * 1_000_000 + committed.getNano() / 1000);
            }
        }
    }

    private static void awaitApplied(Connection c, int events) throws InterruptedException {
        BenchEnv.await("every event applied by both consumers", Duration.ofMinutes(10), () ->
                BenchEnv.count(c, "select count(*) from contracts.inbox_event where event_type = 'ReplacementShipped'") >= events
                        && BenchEnv.count(c, "select count(*) from registry.inbox_event where event_type = 'ReplacementShipped'") >= events);
    }

    private static String original(int i) {
        return String.format("ORIG%07d", i);
    }

    /** Per event, in commit order of the map's keys: commit of the inbox row - committed, in ms. */
    private static double[] latencies(Connection c, String schema, Map<UUID, Long> committedAt) throws Exception {
        List<Double> out = new ArrayList<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select event_id, pg_xact_commit_timestamp(xmin) from " + schema + ".inbox_event"
                        + " where event_type = 'ReplacementShipped'")) {
            Map<UUID, Timestamp> processed = new HashMap<>();
            while (rs.next()) {
                processed.put((UUID) rs.getObject(1), rs.getTimestamp(2));
            }
            for (var e : committedAt.entrySet()) {
                Timestamp at = processed.get(e.getKey());
                Instant instant = at.toInstant();
                long micros = instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
                out.add((micros - e.getValue()) / 1000.0);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)];
    }

    private static String ms(double[] sorted, double p) {
        return String.format("%.1f ms", percentile(sorted, p));
    }

    private static String post(HttpClient http, String url, String token, String json, int expected) throws Exception {
        return send(http, BenchEnv.request(url, token).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), expected).body();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, int expected) throws Exception {
        var response = BenchEnv.send(http, request);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(600, response.body().length())));
        }
        return response;
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    /** Kafka's own latency: a producer (acks=all) and a consumer on a topic of the same broker, at the same rate. */
    static final class KafkaProbe implements Runnable {
        private static final String TOPIC = "bench.latency-probe";
        private final BenchEnv env;
        private final int count;
        private final int rate;
        private final double[] latencies;

        KafkaProbe(BenchEnv env, int count, int rate) {
            this.env = env;
            this.count = count;
            this.rate = rate;
            this.latencies = new double[count];
            EmbeddedKafka.createTopics(env.infra.endpoints().kafkaBootstrap(), List.of(TOPIC));
        }

        @Override
        public void run() {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, env.infra.endpoints().kafkaBootstrap());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-probe");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                consumer.subscribe(List.of(TOPIC));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.seekToEnd(consumer.assignment());
                consumer.assignment().forEach(consumer::position);
                Thread producerThread = new Thread(() -> {
                    long interval = 1_000_000_000L / rate;
                    long next = System.nanoTime();
                    for (int i = 0; i < count; i++) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        next += interval;
                        env.producer().send(new ProducerRecord<>(TOPIC, Integer.toString(i), i + ":" + System.nanoTime()));
                    }
                }, "kafka-probe-producer");
                producerThread.start();
                int received = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (received < count && System.nanoTime() < deadline) {
                    for (var record : consumer.poll(Duration.ofMillis(100))) {
                        String[] parts = record.value().split(":");
                        latencies[Integer.parseInt(parts[0])] = (System.nanoTime() - Long.parseLong(parts[1])) / 1e6;
                        received++;
                    }
                }
                producerThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        double[] sortedLatencies() {
            double[] copy = latencies.clone();
            Arrays.sort(copy);
            return copy;
        }
    }
}
