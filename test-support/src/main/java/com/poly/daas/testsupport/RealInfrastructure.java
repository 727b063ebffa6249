package com.poly.daas.testsupport;

import com.poly.daas.devstack.Infrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points the service under test at a real PostgreSQL and a real Kafka broker. Without environment variables it
 * starts both once per test JVM (throwaway data under the system temp directory, free ports) and stops them when
 * the JVM exits; with {@code DAAS_DB_URL} / {@code DAAS_KAFKA_BOOTSTRAP} it uses those servers instead.
 * Use with {@code @QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)}.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private static Infrastructure infrastructure;

    static synchronized Infrastructure.Endpoints endpoints() {
        if (infrastructure == null) {
            Path dir = throwawayDirectory();
            long started = System.nanoTime();
            infrastructure = Infrastructure.start(dir, true, 0, 0);
            System.out.printf("[test-support] PostgreSQL %s and Kafka %s ready in %d ms%n",
                    infrastructure.endpoints().jdbcUrl(), infrastructure.endpoints().kafkaBootstrap(),
                    (System.nanoTime() - started) / 1_000_000);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                infrastructure.close();
                deleteRecursively(dir);
            }, "test-infrastructure-stop"));
        }
        return infrastructure.endpoints();
    }

    @Override
    public Map<String, String> start() {
        var endpoints = endpoints();
        return Map.of(
                "quarkus.datasource.jdbc.url", endpoints.jdbcUrl(),
                "quarkus.datasource.username", endpoints.dbUser(),
                "quarkus.datasource.password", endpoints.dbPassword(),
                "kafka.bootstrap.servers", endpoints.kafkaBootstrap());
    }

    @Override
    public void stop() {
        // kept for the JVM's other test classes and profiles; stopped by the shutdown hook
    }

    /** Kafka bootstrap servers of the running test infrastructure. */
    public static String kafkaBootstrap() {
        return endpoints().kafkaBootstrap();
    }

    /**
     * Under the system temp directory, not the checkout: when tests run as root, PostgreSQL runs as the postgres user,
     * which may not be able to enter a checkout under /root.
     */
    private static Path throwawayDirectory() {
        try {
            Path dir = java.nio.file.Files.createTempDirectory("daas-test-");
            java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            return dir;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot create a temporary directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        java.io.File file = dir.toFile();
        if (!file.exists()) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot clean " + dir, e);
        }
    }
}
