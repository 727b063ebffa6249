package com.poly.daas.devstack.bench;

import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.events.Topics;
import com.poly.daas.events.parties.PartnerRegistered;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service started alone (the others stopped) on the same PostgreSQL and Kafka: time from process start to
 * {@code /q/health/ready} answering 200 (polled every 20 ms) and Quarkus's own "started in" figure, for a first start
 * (empty schema: Flyway migrates) and a second start (schema up to date, the usual case of a rolling update);
 * resident memory (VmRSS) 5 s after ready, and after load on one of its list operations.
 */
final class StartupBench {
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /** The service and the list it is loaded with (a partner's first page). */
    private static final Map<String, String> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("device-registry-service", "/models?limit=50");
        SERVICES.put("contract-service", "/contracts?limit=50");
        SERVICES.put("ticket-service", "/tickets?limit=50");
        SERVICES.put("rma-service", "/rmas?limit=50");
        SERVICES.put("billing-service", "/invoices?limit=50");
    }

    private StartupBench() {
    }

    static String run(BenchEnv env, int loadSeconds, String only) throws Exception {
        Set<String> chosen = only.isBlank() ? SERVICES.keySet() : Set.of(only.split(","));
        env.publish(Topics.PARTIES, new PartnerRegistered(Bench.PARTNER, "Partner " + Bench.PARTNER, "ACTIVE",
                LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31), Instant.now()), "contract-service");
        env.flush();
        StringBuilder table = new StringBuilder("### Start-up and resident memory, each service alone\n\n"
                + "| service | first start (migrates): ready / Quarkus / CPU | second start: ready / Quarkus / CPU | RSS idle | "
                + "RSS after " + loadSeconds + " s of 8 clients listing | list req/s | target |\n|---|---|---|---|---|---|---|\n");
        for (var service : SERVICES.entrySet()) {
            String name = service.getKey();
            if (!chosen.contains(name)) {
                continue;
            }
            double[] first = startAndStop(env, name, null, 0);
            double[] second;
            long idle;
            long loaded;
            HttpLoad.Result load;
            int port = Infrastructure.freePort();
            long t0 = System.nanoTime();
            try (ServiceProcess p = ServiceProcess.start(env.root, name, port, env.infra.endpoints(), env.publicKey,
                    env.data.resolve("logs-second"), BenchEnv.PRODUCTION_ENV, env.jvm)) {
                double ready = awaitReady(p, t0);
                second = new double[] {ready, quarkusStarted(p), BenchEnv.cpuSeconds(p.pid())};
                Thread.sleep(5_000);
                idle = BenchEnv.rssMb(p.pid());
                // contract-service owns the partners (P-BENCH is only in the others' replicas): an agent lists there
                String token = name.equals("contract-service") ? BenchEnv.staffToken("agent") : BenchEnv.partnerToken(Bench.PARTNER);
                String url = p.url() + service.getValue();
                load = HttpLoad.run(8, Duration.ofSeconds(loadSeconds),
                        n -> BenchEnv.request(url, token).GET().build(), 200);
                loaded = BenchEnv.rssMb(p.pid());
            }
            BenchEnv.log(name + ": first start " + first[0] + " s, second " + second[0] + " s, idle " + idle + " MB, loaded " + loaded + " MB");
            boolean met = second[0] <= 4.0 && idle <= 200;
            table.append("| ").append(name).append(" | ")
                    .append(String.format("%.2f s / %.2f s / %.1f s", first[0], first[1], first[2])).append(" | ")
                    .append(String.format("%.2f s / %.2f s / %.1f s", second[0], second[1], second[2])).append(" | ")
                    .append(idle).append(" MB | ").append(loaded).append(" MB | ")
                    .append(Bench.fmt(load.throughput())).append(load.failures() == 0 ? "" : " (" + load.failures() + " failed"
                            + Bench.failure(load) + ")").append(" | <= 4 s, <= 200 MB idle ").append(Bench.mark(met)).append(" |\n");
        }
        return table.toString();
    }

    /** Starts the service, waits until ready, stops it; returns {ready seconds, Quarkus's started-in seconds}. */
    private static double[] startAndStop(BenchEnv env, String name, Map<String, String> extraEnv, int unused) throws Exception {
        int port = Infrastructure.freePort();
        long t0 = System.nanoTime();
        try (ServiceProcess p = ServiceProcess.start(env.root, name, port, env.infra.endpoints(), env.publicKey,
                env.data.resolve("logs-first"), extraEnv == null ? BenchEnv.PRODUCTION_ENV : extraEnv, env.jvm)) {
            double ready = awaitReady(p, t0);
            return new double[] {ready, quarkusStarted(p), BenchEnv.cpuSeconds(p.pid())};
        }
    }

    private static double awaitReady(ServiceProcess p, long t0) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = t0 + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(p.name() + " exited; see " + p.log());
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(p.url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(p.name() + " not ready in 3 minutes; see " + p.log());
    }

    private static double quarkusStarted(ServiceProcess p) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(p.log()));
        double last = Double.NaN;
        while (m.find()) {
            last = Double.parseDouble(m.group(1));
        }
        return last;
    }
}
