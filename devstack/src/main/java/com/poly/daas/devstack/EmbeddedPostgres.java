package com.poly.daas.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server from the machine's own binaries (Debian's {@code postgresql} package), in a data directory of
 * ours, on a port of ours, listening on 127.0.0.1 only with trust authentication: for development and tests only.
 * When run as root the server runs as the {@code postgres} OS user, which PostgreSQL requires.
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String DATABASE = "daas";
    public static final String USER = "postgres";

    private final Path dataDir;
    private final Path log;
    private final Path binDir;
    private final int port;
    private final String osUser;

    private EmbeddedPostgres(Path dataDir, Path log, Path binDir, int port) {
        this.dataDir = dataDir;
        this.log = log;
        this.binDir = binDir;
        this.port = port;
        this.osUser = Processes.isRoot() ? "postgres" : null;
    }

    /**
     * Initialises the cluster when the directory is new, starts it and creates the {@value #DATABASE} database.
     *
     * @param throwaway turn off fsync and friends (tests): much faster, never for data you keep
     */
    public static EmbeddedPostgres start(Path dir, int port, boolean throwaway) {
        EmbeddedPostgres pg = new EmbeddedPostgres(dir.resolve("data"), dir.resolve("postgres.log"), findBinaries(), port);
        pg.startServer(throwaway);
        return pg;
    }

    private void startServer(boolean throwaway) {
        try {
            Files.createDirectories(dataDir);
            if (osUser != null) {
                Processes.run(log, List.of("chown", "-R", osUser, dataDir.getParent().toString()), 30);
                try {
                    Processes.run(log, Processes.as(osUser, List.of("test", "-w", dataDir.toString())), 30);
                } catch (IllegalStateException e) {
                    throw new IllegalStateException("PostgreSQL runs as the '" + osUser + "' OS user, which cannot reach "
                            + dataDir + ": every parent directory must be searchable by others (chmod o+x), or choose a "
                            + "data directory elsewhere (e.g. ./daas run --data /var/tmp/daas)", e);
                }
            }
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                // left by a run that was killed: stop that server before starting ours
                try {
                    Processes.run(log, Processes.as(osUser, List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "stop")), 30);
                } catch (IllegalStateException stale) {
                    Files.deleteIfExists(dataDir.resolve("postmaster.pid"));
                }
            }
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                List<String> initdb = new ArrayList<>(List.of(bin("initdb"), "-D", dataDir.toString(), "-U", USER,
                        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"));
                if (throwaway) {
                    initdb.add("--no-sync");
                }
                Processes.run(log, Processes.as(osUser, initdb), 120);
            }
            // commit timestamps: the event-path benchmark measures "applied" as the commit of the consumer's inbox row
            String options = "-p " + port + " -k " + dataDir + " -c listen_addresses=127.0.0.1 -c max_connections=200"
                    + " -c track_commit_timestamp=on";
            if (throwaway) {
                options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }
            Processes.run(log, Processes.as(osUser, List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l", log.toString(),
                    "-w", "-t", "60", "-o", options, "start")), 90);
            createDatabase();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private void createDatabase() {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL started but cannot create database " + DATABASE + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            Processes.run(log, Processes.as(osUser, List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "stop")), 60);
        } catch (IllegalStateException e) {
            System.err.println("[devstack] PostgreSQL stop: " + e.getMessage());
        }
    }

    private String bin(String tool) {
        return binDir.resolve(tool).toString();
    }

    /** {@code DAAS_PG_BIN}, or the newest {@code /usr/lib/postgresql/<version>/bin}. */
    static Path findBinaries() {
        String configured = System.getenv("DAAS_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(b -> parseVersion(b.getParent().getFileName().toString())));
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                // fall through to the message below
            }
        }
        throw new IllegalStateException("""
                PostgreSQL server binaries not found (looked in DAAS_PG_BIN and /usr/lib/postgresql/*/bin).
                Install them with `sudo apt-get install postgresql` (Debian/Ubuntu), or set DAAS_PG_BIN to a directory
                holding initdb and pg_ctl, or use your own server: DAAS_DB_URL, DAAS_DB_USER, DAAS_DB_PASSWORD.""");
    }

    private static int parseVersion(String name) {
        try {
            return Integer.parseInt(name.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
