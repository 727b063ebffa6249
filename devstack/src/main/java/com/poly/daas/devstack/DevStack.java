package com.poly.daas.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The local run of the whole suite, and the dev-token command. Used by the {@code ./daas} script:
 * <pre>
 *   run   [--data DIR] [--wipe]      PostgreSQL + Kafka + the five services; Ctrl-C stops everything
 *   infra [--data DIR] [--wipe]      only PostgreSQL + Kafka (prints their addresses)
 *   token --role R [--partner P] [--subject S] [--hours H]
 *   clock [show | set INSTANT | advance DURATION | reset]   move the demo clock of every running service
 *   demo                             journeys 2-4 against the running local suite ({@link Demo})
 * </pre>
 */
public final class DevStack {
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
            case "clock" -> clock(rest);
            case "demo" -> Demo.main(rest.toArray(String[]::new));
            default -> usage();
        }
    }

    private static void usage() {
        System.out.println("""
                usage: devstack run   [--data DIR] [--wipe]
                       devstack infra [--data DIR] [--wipe]
                       devstack token --role partner|agent|admin|service|end-user [--partner ID] [--subject S] [--hours H]
                       devstack clock [show | set 2027-01-04T09:00:00Z | advance P10D | reset]
                       devstack demo""");
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

    /**
     * Issue 14: one command moves the demo clock of all five services of the local run (each service's own admin-only
     * /demo/clock; no service reads another's data for it).
     */
    private static void clock(List<String> args) throws Exception {
        String verb = args.isEmpty() ? "show" : args.get(0);
        String body = switch (verb) {
            case "show" -> null;
            case "set" -> "{\"set\":\"" + java.time.Instant.parse(argument(args, "an ISO instant such as 2027-01-04T09:00:00Z")) + "\"}";
            case "advance" -> "{\"advance\":\"" + java.time.Duration.parse(argument(args, "an ISO duration such as P10D or PT4H")) + "\"}";
            case "reset" -> "{\"reset\":true}";
            default -> throw new IllegalArgumentException("clock show | set INSTANT | advance DURATION | reset");
        };
        var http = java.net.http.HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String token = "Bearer " + DevTokens.staff("admin");
        int failures = 0;
        for (Map.Entry<String, Integer> service : Suite.LOCAL_PORTS.entrySet()) {
            var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + service.getValue() + "/demo/clock"))
                    .header("Authorization", token).timeout(Duration.ofSeconds(5));
            request = body == null ? request.GET()
                    : request.header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
            String answer;
            try {
                var response = http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                answer = response.statusCode() + " " + response.body();
                failures += response.statusCode() == 200 ? 0 : 1;
            } catch (java.io.IOException e) {
                answer = "not reachable (is ./daas run going?)";
                failures++;
            }
            System.out.printf("%-26s %s%n", service.getKey(), answer);
        }
        if (failures > 0) {
            System.exit(1);
        }
    }

    private static String argument(List<String> args, String what) {
        if (args.size() < 2) {
            throw new IllegalArgumentException("give " + what);
        }
        return args.get(1);
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
        AtomicReference<Suite> suite = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log("stopping...");
            if (suite.get() != null) {
                suite.get().close();
            }
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
            // the demo profile: production settings with a clock `./daas clock` can move (issue 14)
            // the overdue scan (A3 -> A4) every 10 s, so that ./daas demo sees a unit overdue right after moving the clock
            Map<String, String> localRun = Map.of("DAAS_BLOB_DIR", data.resolve("blobs").toString(),
                    "DAAS_REGISTRY_SEED", "true", "DAAS_CONTRACTS_SEED", "true", "QUARKUS_PROFILE", "demo",
                    "DAAS_RMAS_OVERDUE_SCAN_EVERY", "10s");
            log("starting " + String.join(", ", Suite.LOCAL_PORTS.keySet()) + " (logs in " + data.resolve("logs") + ")");
            suite.set(Suite.start(root, endpoints, Suite.LOCAL_PORTS, publicKey, data.resolve("logs"), localRun,
                    Duration.ofMinutes(3)));
            System.out.println();
            System.out.printf("%-26s %-24s %s%n", "service", "URL", "Swagger UI");
            Suite.LOCAL_PORTS.forEach((name, port) -> System.out.printf("%-26s %-24s %s%n", name, "http://localhost:" + port,
                    "http://localhost:" + port + "/q/swagger-ui"));
            System.out.println();
            log("every service answers /q/health/ready; a token: ./daas token --role partner --partner P-1001");
        }
        log("ready. Ctrl-C stops everything.");
        stopped.await();
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
