package com.poly.daas.devstack.bench;

import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.events.Topics;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.events.registry.DeviceRegistered;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * The suite's benchmarks (issue 16), one per command, each printing one Markdown table:
 * <pre>
 *   write    POST /tickets (Idempotency-Key) at 16 clients for 30 s, beside pgbench -N on the same PostgreSQL
 *   read     a partner's GET /tickets?limit=50 at 16 clients, beside pgbench running the same SQL
 *   events   ReplacementShipped committed in rma-service -> applied in contract-service and the registry
 *   bulk     100,000 devices through POST /devices/bulk, beside COPY of the same rows into the same tables
 *   startup  each service started alone: time to ready, resident memory idle and after load
 * </pre>
 * Options: {@code --jvm "<flags>"} (the services' JVM flags; default {@link BenchEnv#PRODUCTION_JVM}),
 * {@code --clients N}, {@code --seconds N}, {@code --warmup N} (seconds of load before the measured part; for events,
 * seconds of events at the same rate); events also {@code --events N} (10,000) and {@code --rate N} per second (200);
 * startup also {@code --services a,b} (default: all five). Services run from their packaged jars
 * ({@code target/quarkus-app/quarkus-run.jar}), PostgreSQL and Kafka from devstack. Never part of a test run.
 */
public final class Bench {
    static final String PARTNER = "P-BENCH";
    static final String OTHER_PARTNER = "P-OTHER";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench write|read|events|bulk|startup [--jvm \"flags\"] [--clients 16] [--seconds 30] [--warmup 20]");
            System.exit(2);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        Path root = Path.of(System.getProperty("daas.root", ".")).toAbsolutePath().normalize();
        String jvm = option(rest, "--jvm", BenchEnv.PRODUCTION_JVM);
        int clients = Integer.parseInt(option(rest, "--clients", "16"));
        int seconds = Integer.parseInt(option(rest, "--seconds", "30"));
        int warmup = Integer.parseInt(option(rest, "--warmup", "20"));
        String table;
        try (BenchEnv env = BenchEnv.start(root, args[0], jvm)) {
            // Ctrl-C or a timeout: stop the services, PostgreSQL and Kafka all the same
            Thread stopper = new Thread(env::close, "bench-stop");
            Runtime.getRuntime().addShutdownHook(stopper);
            table = switch (args[0]) {
                case "write" -> write(env, clients, seconds, warmup);
                case "read" -> read(env, clients, seconds, warmup);
                case "bulk" -> BulkBench.run(env, Integer.parseInt(option(rest, "--requests", "10")),
                        Integer.parseInt(option(rest, "--rows", "10000")));
                case "startup" -> StartupBench.run(env, Integer.parseInt(option(rest, "--load-seconds", "20")),
                        option(rest, "--services", ""));
                case "events" -> EventBench.run(env, Integer.parseInt(option(rest, "--events", "10000")),
                        Integer.parseInt(option(rest, "--rate", "200")), warmup);
                default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
            };
            table = table + env.machine();
        }
        System.out.println();
        System.out.println(table);
        System.exit(0);
    }

    // ---------------------------------------------------------------- write path

    static String write(BenchEnv env, int clients, int seconds, int warmup) throws Exception {
        var ticket = env.startService("ticket-service", Map.of());
        Facts facts = Facts.ticketFacts(env, clients);
        String url = ticket.url() + "/tickets";
        String token = BenchEnv.partnerToken(PARTNER);
        IntFunction<HttpRequest> open = n -> BenchEnv.request(url, token)
                .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(facts.newTicket(n))).build();
        Measured measured = measure(ticket, "POST /tickets", open, 201, clients, seconds, warmup);
        HttpLoad.Result api = measured.load();
        double cpuPerRequest = measured.cpuMsPerRequest();
        PgBench pg = new PgBench(env.infra.endpoints(), env.data);
        pg.initialise(10);
        BenchEnv.log("measuring pgbench -N, " + clients + " clients, " + seconds + " s");
        PgBench.Result db = pg.simpleUpdate(clients, seconds);
        double ratio = api.throughput() / db.tps();
        return "### Write path: POST /tickets with Idempotency-Key, " + clients + " clients, " + seconds + " s (after "
                + warmup + " s warm-up)\n\n| measure | value | target |\n|---|---|---|\n"
                + row("POST /tickets throughput", fmt(api.throughput()) + " req/s (" + api.requests() + " created, "
                + api.failures() + " failed" + failure(api) + ")", "")
                + row("POST /tickets p50 / p99", fmt(api.percentileMs(50)) + " ms / " + fmt(api.percentileMs(99)) + " ms",
                "p99 <= 50 ms " + mark(api.percentileMs(99) <= 50))
                + row("ticket-service CPU per request", String.format("%.2f ms", cpuPerRequest), "")
                + row("pgbench -N -M prepared (same server, same run)", fmt(db.tps()) + " tps (latency avg "
                + fmt(db.latencyMs()) + " ms)", "")
                + row("ratio API / pgbench", String.format("%.2f", ratio), ">= 0.5 " + mark(ratio >= 0.5));
    }

    /** A measured run and the service's CPU time per request over it (from /proc, all its threads). */
    record Measured(HttpLoad.Result load, double cpuMsPerRequest) {
    }

    /** Warm-up, then the measured closed-loop run of {@code request} against {@code service}. */
    static Measured measure(ServiceProcess service, String what, IntFunction<HttpRequest> request, int status,
                            int clients, int seconds, int warmup) throws Exception {
        BenchEnv.log("warm-up " + warmup + " s");
        HttpLoad.run(clients, Duration.ofSeconds(warmup), request, status);
        BenchEnv.log("measuring " + what + ", " + clients + " clients, " + seconds + " s");
        double cpu0 = BenchEnv.cpuSeconds(service.pid());
        HttpLoad.Result load = HttpLoad.run(clients, Duration.ofSeconds(seconds), request, status);
        return new Measured(load, (BenchEnv.cpuSeconds(service.pid()) - cpu0) * 1000 / Math.max(1, load.requests()));
    }

    // ---------------------------------------------------------------- read path

    /**
     * What GET /tickets?limit=50 runs for a partner, statement by statement (each in autocommit, as the service runs
     * them): the partner admission's look-up in the party replica (PartyReplica.partner), then Hibernate's page query
     * with the partner condition written into it (PartnerScope; before, the partner filter's
     * {@code (:p = '*' or partner_id = :p)}, which the planner folds to the same plan) and the keyset order, limit + 1
     * rows, and the page's RMA steps (Ticket.rmaSteps, eager: the least the database must do is one look-up for the
     * whole page). The service binds the partner id; pgbench inlines it.
     */
    static final String LIST_SQL = """
            select partner_id, certification_status, certified_from, certified_until from tickets.party_partner \
            where partner_id = 'P-BENCH';
            select t1_0.id,t1_0.customer_id,t1_0.description,t1_0.failure_cause,t1_0.first_response_due_at,t1_0.opened_at,\
            t1_0.opened_by,t1_0.partner_id,t1_0.serial,t1_0.site_country,t1_0.site_subdivision,t1_0.status,t1_0.subject,\
            t1_0.time_zone,t1_0.triage_decision,t1_0.triage_due_at,t1_0.triage_note,t1_0.triaged_at,t1_0.triaged_by,\
            t1_0.version from tickets.ticket t1_0 where 1=1 and t1_0.partner_id = 'P-BENCH' \
            order by t1_0.opened_at desc,t1_0.id desc offset 0 rows fetch first 51 rows only;
            select s.ticket_id,s.id,s.at,s.detail,s.rma_id,s.rule,s.seq,s.step from tickets.ticket_step s where s.ticket_id in \
            (select t.id from tickets.ticket t where t.partner_id = 'P-BENCH' order by t.opened_at desc,t.id desc limit 51) \
            order by s.at,s.seq;
            """;

    static String read(BenchEnv env, int clients, int seconds, int warmup) throws Exception {
        var ticket = env.startService("ticket-service", Map.of());
        Facts facts = Facts.ticketFacts(env, clients);
        String url = ticket.url() + "/tickets";
        // 2,000 tickets of the partner and 2,000 of another partner (the filter has to skip them)
        facts.openTickets(ticket.url(), PARTNER, 2000);
        facts.openTickets(ticket.url(), OTHER_PARTNER, 2000);
        String token = BenchEnv.partnerToken(PARTNER);
        IntFunction<HttpRequest> list = n -> BenchEnv.request(url + "?limit=50", token).GET().build();
        Measured measured = measure(ticket, "GET /tickets?limit=50", list, 200, clients, seconds, warmup);
        HttpLoad.Result api = measured.load();
        double cpuPerRequest = measured.cpuMsPerRequest();
        PgBench pg = new PgBench(env.infra.endpoints(), env.data);
        BenchEnv.log("measuring pgbench with the list query, " + clients + " clients, " + seconds + " s");
        PgBench.Result db = pg.script(LIST_SQL, clients, seconds);
        double ratio = api.throughput() / db.tps();
        return "### Read path: a partner's GET /tickets?limit=50 (2,000 own + 2,000 other tickets), " + clients
                + " clients, " + seconds + " s (after " + warmup + " s warm-up)\n\n| measure | value | target |\n|---|---|---|\n"
                + row("GET /tickets?limit=50 throughput", fmt(api.throughput()) + " req/s (" + api.failures() + " failed"
                + failure(api) + ")", "")
                + row("GET p50 / p99", fmt(api.percentileMs(50)) + " ms / " + fmt(api.percentileMs(99)) + " ms", "")
                + row("ticket-service CPU per request", String.format("%.2f ms", cpuPerRequest), "")
                + row("pgbench, the same SELECT (-M prepared)", fmt(db.tps()) + " tps (latency avg " + fmt(db.latencyMs()) + " ms)", "")
                + row("ratio API / pgbench", String.format("%.2f", ratio), ">= 0.5 " + mark(ratio >= 0.5));
    }

    /** Partners, customers and devices as contract-service and the registry publish them. */
    record Facts(BenchEnv env, String customer, String otherCustomer, List<String> serials, List<String> otherSerials) {
        static Facts ticketFacts(BenchEnv env, int devices) throws Exception {
            Facts facts = new Facts(env, UUID.randomUUID().toString(), UUID.randomUUID().toString(), serials("BENCH", devices),
                    serials("OTHER", devices));
            facts.partner(PARTNER, facts.customer, facts.serials);
            facts.partner(OTHER_PARTNER, facts.otherCustomer, facts.otherSerials);
            env.flush();
            try (Connection c = env.jdbc()) {
                BenchEnv.await("ticket-service's replicas", Duration.ofSeconds(60), () ->
                        BenchEnv.count(c, "select count(*) from tickets.registered_device") >= 2L * devices
                                && BenchEnv.count(c, "select count(*) from tickets.party_customer") >= 2);
            }
            return facts;
        }

        void partner(String partnerId, String customerId, List<String> serials) {
            env.publish(Topics.PARTIES, new PartnerRegistered(partnerId, "Partner " + partnerId, "ACTIVE",
                    LocalDate.of(2000, 1, 1), LocalDate.of(2099, 12, 31), Instant.now()), "contract-service");
            env.publish(Topics.PARTIES, new CustomerCreated(customerId, partnerId, "US", "US-NY", "America/New_York",
                    "NORTH_AMERICA", "USD", Instant.now()), "contract-service");
            for (String serial : serials) {
                env.publish(Topics.REGISTRY_DEVICES, new DeviceRegistered(serial, "CCX-500", partnerId, customerId, null, null),
                        "device-registry-service");
            }
        }

        static List<String> serials(String prefix, int n) {
            List<String> serials = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                serials.add(String.format("%s%06d", prefix, i));
            }
            return serials;
        }

        String newTicket(int n) {
            return ticketBody(customer, serials.get(n % serials.size()), n);
        }

        static String ticketBody(String customer, String serial, int n) {
            return "{\"customerId\":\"" + customer + "\",\"serial\":\"" + serial + "\",\"subject\":\"Handset dead after "
                    + "firmware update #" + n + "\",\"description\":\"Power cycle and factory reset did not help; no dial tone.\"}";
        }

        void openTickets(String baseUrl, String partnerId, int count) throws Exception {
            String token = BenchEnv.partnerToken(partnerId);
            String customerId = partnerId.equals(PARTNER) ? customer : otherCustomer;
            List<String> own = partnerId.equals(PARTNER) ? serials : otherSerials;
            var http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                answers.add(pool.submit(() -> BenchEnv.send(http, BenchEnv.request(baseUrl + "/tickets", token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(ticketBody(customerId, own.get(n % own.size()), n))).build())
                        .statusCode()));
            }
            for (var answer : answers) {
                if (answer.get() != 201) {
                    throw new IllegalStateException("seeding tickets: " + answer.get());
                }
            }
            pool.shutdown();
            BenchEnv.log("opened " + count + " tickets for " + partnerId);
        }
    }

    // ---------------------------------------------------------------- helpers

    static String row(String measure, String value, String target) {
        return "| " + measure + " | " + value + " | " + target + " |\n";
    }

    static String fmt(double v) {
        return v >= 100 ? String.format("%,.0f", v) : String.format("%.1f", v);
    }

    static String mark(boolean met) {
        return met ? "(met)" : "(NOT met)";
    }

    static String failure(HttpLoad.Result r) {
        return r.failures() == 0 ? "" : "; first: " + r.firstFailure().replace('|', '/').replace('\n', ' ');
    }

    static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private Bench() {
    }
}
