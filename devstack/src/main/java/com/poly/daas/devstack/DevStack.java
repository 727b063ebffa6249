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
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local run of the whole suite, and the dev-token command. Used by the {@code ./daas} script:
 * <pre>
 *   run   [--data DIR] [--wipe]      PostgreSQL + Kafka + the five services; Ctrl-C stops everything
 *   infra [--data DIR] [--wipe]      only PostgreSQL + Kafka (prints their addresses)
 *   token --role R [--partner P] [--subject S] [--hours H]
 * </pre>
 */
public final class DevStack {
    /** The services, their module directories and HTTP ports (8081-8085). */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("device-registry-service", 8081);
        SERVICES.put("contract-service", 8082);
        SERVICES.put("ticket-service", 8083);
        SERVICES.put("rma-service", 8084);
        SERVICES.put("billing-service", 8085);
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "run" -> run(rest, true);
            case "infra" -> run(rest, false);
            case "token" -> token(rest);
            default -> usage();
        }
    }

    private static void usage() {
        System.out.println("""
                usage: devstack run   [--data DIR] [--wipe]
                       devstack infra [--data DIR] [--wipe]
                       devstack token --role partner|agent|admin|service|end-user [--partner ID] [--subject S] [--hours H]""");
    }

    private static void token(List<String> args) {
        String role = option(args, "--role", null);
        if (role == null) {
            throw new IllegalArgumentException("--role is required");
        }
        String partner = option(args, "--partner", null);
        if ("partner".equals(role) && partner == null) {
            throw new IllegalArgumentException("a partner token needs --partner <partner id>");
        }
        String subject = option(args, "--subject", partner != null ? "erp-" + partner : role + "@poly.example");
        long hours = Long.parseLong(option(args, "--hours", "8"));
        System.out.println(DevTokens.mint(subject, role, partner, Duration.ofHours(hours)));
    }

    private static void run(List<String> args, boolean withServices) throws Exception {
        Path root = Path.of(System.getProperty("daas.root", ".")).toAbsolutePath().normalize();
        Path data = Path.of(option(args, "--data", root.resolve(".devstack").toString())).toAbsolutePath();
        if (args.contains("--wipe")) {
            wipe(data);
        }
        Files.createDirectories(data.resolve("logs"));
        log("data kept in " + data + (args.contains("--wipe") ? " (wiped)" : " (use --wipe to start empty)"));
        Infrastructure infra = Infrastructure.start(data, false, 15432, 19092);
        List<Process> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping...");
            stopServices(services);
            infra.close();
            log("stopped: no process left behind");
            stopped.countDown();
        }, "devstack-shutdown"));
        var endpoints = infra.endpoints();
        log("PostgreSQL  " + endpoints.jdbcUrl() + " (user " + endpoints.dbUser() + ")");
        log("Kafka       " + endpoints.kafkaBootstrap());
        if (withServices) {
            Path publicKey = data.resolve("dev-public.pem");
            Files.writeString(publicKey, DevTokens.publicKeyPem());
            for (var service : SERVICES.entrySet()) {
                services.add(startService(root, data, service.getKey(), service.getValue(), endpoints, publicKey));
            }
            awaitReady(services);
            System.out.println();
            System.out.printf("%-26s %-24s %s%n", "service", "URL", "Swagger UI");
            SERVICES.forEach((name, port) -> System.out.printf("%-26s %-24s %s%n", name, "http://localhost:" + port,
                    "http://localhost:" + port + "/q/swagger-ui"));
            System.out.println();
            log("logs in " + data.resolve("logs") + "; a token: ./daas token --role partner --partner P-1001");
        }
        log("ready. Ctrl-C stops everything.");
        stopped.await();
    }

    private static Process startService(Path root, Path data, String name, int port, Infrastructure.Endpoints endpoints,
                                        Path publicKey) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./daas run does it)");
        }
        ProcessBuilder builder = new ProcessBuilder(Processes.javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs").resolve(name + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", endpoints.dbUser());
        env.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.dbPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap());
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toUri().toString());
        env.put("DAAS_JWT_ISSUER", DevTokens.ISSUER);
        env.put("DAAS_BLOB_DIR", data.resolve("blobs").toString());
        log("starting " + name + " on port " + port);
        return builder.start();
    }

    private static void awaitReady(List<Process> processes) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        List<String> names = new ArrayList<>(SERVICES.keySet());
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            int port = SERVICES.get(name);
            while (true) {
                if (!processes.get(i).isAlive()) {
                    throw new IllegalStateException(name + " exited; see .devstack/logs/" + name + ".log");
                }
                try {
                    var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        log(name + " ready (health UP)");
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(name + " not ready after 3 minutes; see its log");
                }
                Thread.sleep(300);
            }
        }
    }

    private static void stopServices(List<Process> services) {
        services.forEach(Process::destroy); // SIGTERM: Quarkus shuts down gracefully
        for (Process p : services) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }

    private static void wipe(Path data) throws IOException {
        if (!Files.exists(data)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(data)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private static void log(String message) {
        System.out.println("[devstack] " + message);
    }

    private DevStack() {
    }
}
