package com.poly.daas.devstack.bench;

import com.poly.daas.devstack.Infrastructure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** PostgreSQL's own benchmark client (Debian's postgresql package) against the suite's server. */
final class PgBench {
    record Result(double tps, double latencyMs, String output) {
    }

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final List<String> connection;
    private final Path workDir;

    PgBench(Infrastructure.Endpoints endpoints, Path workDir) {
        // jdbc:postgresql://127.0.0.1:PORT/DB
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(endpoints.jdbcUrl());
        if (!m.find()) {
            throw new IllegalArgumentException("cannot read host/port/db from " + endpoints.jdbcUrl());
        }
        this.connection = List.of("-h", m.group(1), "-p", m.group(2), "-U", endpoints.dbUser(), m.group(3));
        this.workDir = workDir;
    }

    static String binary() {
        String configured = System.getenv("DAAS_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "pgbench"))) {
            return Path.of(configured, "pgbench").toString();
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).map(Path::toString)
                    .orElseThrow(() -> new IllegalStateException("pgbench not found (apt-get install postgresql)"));
        } catch (IOException e) {
            throw new IllegalStateException("pgbench not found (apt-get install postgresql)", e);
        }
    }

    /** pgbench -i: the standard tables (in the public schema, apart from every service's own). */
    void initialise(int scale) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(binary(), "-i", "-q", "-s", Integer.toString(scale)));
        args.addAll(connection);
        run(args);
    }

    /** The built-in simple-update script (-N: no branch/teller updates). */
    Result simpleUpdate(int clients, int seconds) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(binary(), "-N", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", "2", "-T", Integer.toString(seconds)));
        args.addAll(connection);
        return parse(run(args));
    }

    /** A custom script (one transaction per run of the script). */
    Result script(String sql, int clients, int seconds) throws IOException, InterruptedException {
        Path file = workDir.resolve("pgbench-script.sql");
        Files.writeString(file, sql);
        List<String> args = new ArrayList<>(List.of(binary(), "-n", "-M", "prepared", "-f", file.toString(), "-c",
                Integer.toString(clients), "-j", "2", "-T", Integer.toString(seconds)));
        args.addAll(connection);
        return parse(run(args));
    }

    private static Result parse(String output) {
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench gave no tps:\n" + output);
        }
        return new Result(Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN, output);
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        BenchEnv.log(String.join(" ", args));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        return out;
    }
}
