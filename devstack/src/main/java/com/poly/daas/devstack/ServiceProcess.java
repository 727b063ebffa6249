package com.poly.daas.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One packaged service ({@code target/quarkus-app}) running as its own process against the given infrastructure. */
public final class ServiceProcess implements AutoCloseable {
    /**
     * JVM flags of the local run ({@code ./daas run}) and the system tests: five services, PostgreSQL, Kafka and the
     * build share a developer's few cores, so start-up and footprint matter more than peak throughput (C1 only, serial
     * GC, small heap). Never the production flags: those are in deploy/ and the Dockerfiles (docs/operations.md).
     */
    public static final List<String> LOCAL_RUN_JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} on {@code port}, configured only through
     * environment variables, as in any deployment.
     *
     * @param publicKey the development token key to trust, or null to trust none (the production profile's default)
     */
    public static ServiceProcess start(Path root, String name, int port, Infrastructure.Endpoints endpoints,
                                       Path publicKey, Path logDir, Map<String, String> extraEnv) throws IOException {
        return start(root, name, port, endpoints, publicKey, logDir, extraEnv, LOCAL_RUN_JVM);
    }

    /** As above, with the given JVM flags (the benchmarks start services with production flags). */
    public static ServiceProcess start(Path root, String name, int port, Infrastructure.Endpoints endpoints,
                                       Path publicKey, Path logDir, Map<String, String> extraEnv, List<String> jvmFlags)
            throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build the suite first (mvn install -DskipTests)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", endpoints.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
        if (publicKey != null) { // null: as in production, no development key is trusted
            env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
            env.put("DAAS_JWT_ISSUER", DevTokens.ISSUER);
        }
        env.putAll(extraEnv);
        return new ServiceProcess(name, port, log, builder.start());
    }

    /** Waits until {@code /q/health/ready} answers 200. */
    public ServiceProcess awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + Processes.tail(log, 40));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + Processes.tail(log, 40));
            }
            Thread.sleep(250);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The operating-system process id (the benchmarks read its resident memory). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM (Quarkus shuts down gracefully), then kill after 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
