package com.poly.daas.devstack.bench;

import com.poly.daas.devstack.DevTokens;
import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What every benchmark shares: PostgreSQL and Kafka started by devstack (durable settings, as in production), the
 * packaged services started with the JVM flags under test, the machine's description, facts published as their
 * owning service would, and the report table.
 */
public final class BenchEnv implements AutoCloseable {
    /**
     * The production JVM flags as the image's run-java.sh builds them in deploy/'s 640Mi container (docs/operations.md
     * "JVM"): -XX:MaxRAM=640m stands in for the container limit here, so that MaxRAMPercentage=50 gives the same
     * 320 MB heap ceiling. Used unless --jvm says otherwise.
     */
    public static final String PRODUCTION_JVM = "-XX:MaxRAM=640m -XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
            + "-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:+ExitOnOutOfMemoryError";
    /** The production image's environment that shapes the JVM's memory (Dockerfile.jvm, deploy/). */
    static final Map<String, String> PRODUCTION_ENV = Map.of("MALLOC_ARENA_MAX", "2");

    final Path root;
    final Path data;
    final List<String> jvm;
    final String jvmText;
    final Infrastructure infra;
    final Path publicKey;
    final String loadAtStart;
    final Instant startedAt = Instant.now();
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaProducer<String, String> producer;

    private BenchEnv(Path root, Path data, String jvmText, Infrastructure infra, Path publicKey, String loadAtStart) {
        this.root = root;
        this.data = data;
        this.jvmText = jvmText;
        this.jvm = jvmText.isBlank() ? List.of() : Arrays.asList(jvmText.trim().split("\\s+"));
        this.infra = infra;
        this.publicKey = publicKey;
        this.loadAtStart = loadAtStart;
    }

    /** Starts PostgreSQL and Kafka in a fresh directory under target/. */
    static BenchEnv start(Path root, String name, String jvmText) throws IOException {
        String load = loadAverage();
        Path data = root.resolve("devstack/target/bench/" + name);
        deleteTree(data);
        Files.createDirectories(data);
        log("PostgreSQL and Kafka in " + data);
        // durable settings (fsync on), as production: pgbench runs on the very same server
        Infrastructure infra = Infrastructure.start(data, false, 0, 0);
        Path key = data.resolve("dev-public.pem");
        Files.writeString(key, DevTokens.publicKeyPem());
        return new BenchEnv(root, data, jvmText, infra, key, load);
    }

    ServiceProcess startService(String name, Map<String, String> env) throws IOException, InterruptedException {
        int port = Infrastructure.freePort();
        log("starting " + name + " on " + port + " with " + jvmText);
        Map<String, String> all = new java.util.HashMap<>(PRODUCTION_ENV);
        all.putAll(env);
        ServiceProcess process = ServiceProcess.start(root, name, port, infra.endpoints(), publicKey, data.resolve("logs"), all, jvm);
        services.add(process);
        process.awaitReady(Duration.ofMinutes(3));
        return process;
    }

    Connection jdbc() throws SQLException {
        var e = infra.endpoints();
        return DriverManager.getConnection(e.jdbcUrl(), e.dbUser(), e.dbPassword());
    }

    /** Publishes another service's event as its outbox relay would (same envelope, key and headers). */
    void publish(String topic, DomainEvent event, String producerName) {
        UUID id = UUID.randomUUID();
        String value = EventJson.write(EventJson.envelope(event, id, Instant.now(), producerName));
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.aggregateId(), value);
        record.headers().add("id", id.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        record.headers().add("type", event.getClass().getSimpleName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        producer().send(record);
    }

    void flush() {
        producer().flush();
    }

    KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infra.endpoints().kafkaBootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(p);
        }
        return producer;
    }

    static String partnerToken(String partnerId) {
        return "Bearer " + DevTokens.mint("erp-" + partnerId, "partner", partnerId, Duration.ofHours(4));
    }

    static String staffToken(String role) {
        return "Bearer " + DevTokens.staff(role);
    }

    static HttpResponse<String> send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder request(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static long count(Connection c, String sql) {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return -1; // table not there yet (Flyway still running)
        }
    }

    /** The header of every report: what ran where, with which flags, and how busy the machine was. */
    String machine() {
        Runtime rt = Runtime.getRuntime();
        return "| machine | " + rt.availableProcessors() + " cores (nproc), " + memTotal() + " RAM, " + cpuModel() + " |\n"
                + "| java | " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " |\n"
                + "| service JVM flags | `" + jvmText + "`, environment " + PRODUCTION_ENV + " |\n"
                + "| load average (1/5/15 min) | start " + loadAtStart + ", end " + loadAverage() + " |\n"
                + "| date | " + DateTimeFormatter.ISO_INSTANT.format(startedAt.atOffset(ZoneOffset.UTC).withNano(0)) + " |\n";
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return "n/a";
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "cpu n/a";
    }

    /**
     * CPU time (user + system) a process has used, in seconds, from /proc/PID/stat: unlike wall time it hardly
     * depends on what else the machine runs, so it shows what a change saves even on a busy machine.
     */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0; // utime, stime (USER_HZ = 100)
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Resident memory of a process in MB (VmRSS). */
    static long rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return -1;
    }

    static void log(String message) {
        System.err.println("[bench] " + message);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        infra.close();
    }
}
