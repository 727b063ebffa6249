package com.poly.daas.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker and controller in one process), run in a child JVM from
 * Apache's own jars (copied from Maven Central at build time). The child exits when our JVM closes its stdin, so a
 * broker never outlives the process that started it.
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private EmbeddedKafka(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static EmbeddedKafka start(Path dir, int port) {
        EmbeddedKafka kafka = new EmbeddedKafka(dir, port);
        kafka.startBroker();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void startBroker() {
        try {
            Path data = dir.resolve("data");
            Path logs = dir.resolve("logs");
            Files.createDirectories(data);
            Files.createDirectories(logs);
            int controllerPort = Processes.freePort();
            Path config = dir.resolve("server.properties");
            Properties p = new Properties();
            p.setProperty("process.roles", "broker,controller");
            p.setProperty("node.id", "1");
            p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("controller.listener.names", "CONTROLLER");
            p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("inter.broker.listener.name", "PLAINTEXT");
            p.setProperty("log.dirs", data.toString());
            p.setProperty("num.partitions", "3");
            p.setProperty("offsets.topic.replication.factor", "1");
            p.setProperty("offsets.topic.num.partitions", "3");
            p.setProperty("transaction.state.log.replication.factor", "1");
            p.setProperty("transaction.state.log.min.isr", "1");
            p.setProperty("share.coordinator.state.topic.replication.factor", "1");
            p.setProperty("share.coordinator.state.topic.min.isr", "1");
            p.setProperty("group.initial.rebalance.delay.ms", "0");
            p.setProperty("auto.create.topics.enable", "false");
            try (OutputStream out = Files.newOutputStream(config)) {
                p.store(out, "written by devstack");
            }
            List<String> jvm = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx512m", "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=classpath:devstack-kafka-log4j2.xml",
                    "-Dkafka.logs.dir=" + logs, "-cp", classpath()));
            if (!Files.exists(data.resolve("meta.properties"))) {
                List<String> format = new ArrayList<>(jvm);
                format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
                        config.toString(), "--ignore-formatted"));
                Processes.run(logs.resolve("format.log"), format, 120);
            }
            List<String> broker = new ArrayList<>(jvm);
            broker.addAll(List.of(KafkaNode.class.getName(), config.toString()));
            process = new ProcessBuilder(broker).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("console.log").toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            awaitReady(logs);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start Kafka in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(Path logs) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + ":\n"
                        + Processes.tail(logs.resolve("console.log"), 30) + "\n" + Processes.tail(logs.resolve("server.log"), 30));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("Kafka did not become ready in 90 s: " + last + "\n"
                + Processes.tail(logs.resolve("server.log"), 30));
    }

    /** Creates topics (3 partitions, replication 1) unless they exist; also works on an external broker. */
    public static void createTopics(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            var existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topics on " + bootstrapServers + ": " + e.getCause(), e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics on " + bootstrapServers + ": " + e, e);
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        return Admin.create(props);
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.close(); // KafkaNode shuts the broker down cleanly on end of input
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Broker jars (copied at build time) plus this module's classes (for {@link KafkaNode} and the log config). */
    private static String classpath() {
        Path libDir = kafkaLibDir();
        try {
            Path own = Path.of(EmbeddedKafka.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return libDir + "/*" + java.io.File.pathSeparator + own;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path kafkaLibDir() {
        String configured = System.getenv("DAAS_KAFKA_LIB");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (InputStream in = EmbeddedKafka.class.getResourceAsStream("/devstack-build.properties")) {
            Properties build = new Properties();
            build.load(in);
            Path dir = Path.of(build.getProperty("kafka.lib.dir"));
            if (!Files.isDirectory(dir)) {
                throw new IllegalStateException("Kafka broker jars missing in " + dir + ": build the devstack module first (mvn -pl devstack package)");
            }
            return dir;
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("devstack-build.properties missing: build the devstack module first", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
