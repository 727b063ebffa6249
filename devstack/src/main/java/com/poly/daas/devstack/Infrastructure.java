package com.poly.daas.devstack;

import com.poly.daas.events.Topics;
import java.nio.file.Path;

/**
 * PostgreSQL and Kafka for the suite: started here (embedded default) or taken from the environment
 * ({@code DAAS_DB_URL}, {@code DAAS_DB_USER}, {@code DAAS_DB_PASSWORD}, {@code DAAS_KAFKA_BOOTSTRAP}) when a
 * developer, CI or a cluster provides them. Topics are created in both cases.
 */
public final class Infrastructure implements AutoCloseable {
    /** Where services find PostgreSQL and Kafka. */
    public record Endpoints(String jdbcUrl, String dbUser, String dbPassword, String kafkaBootstrap) {
    }

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;
    private final Endpoints endpoints;

    private Infrastructure(EmbeddedPostgres postgres, EmbeddedKafka kafka, Endpoints endpoints) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.endpoints = endpoints;
    }

    /**
     * @param dir       where embedded servers keep their data and logs
     * @param throwaway tests: fast, unsafe durability settings and free ports
     * @param pgPort    preferred PostgreSQL port (0 = any free port)
     * @param kafkaPort preferred Kafka port (0 = any free port)
     */
    public static Infrastructure start(Path dir, boolean throwaway, int pgPort, int kafkaPort) {
        String externalDb = System.getenv("DAAS_DB_URL");
        String externalKafka = System.getenv("DAAS_KAFKA_BOOTSTRAP");
        EmbeddedPostgres postgres = null;
        EmbeddedKafka kafka = null;
        try {
            String jdbcUrl;
            String user;
            String password;
            if (externalDb != null && !externalDb.isBlank()) {
                jdbcUrl = externalDb;
                user = envOr("DAAS_DB_USER", "postgres");
                password = envOr("DAAS_DB_PASSWORD", "");
            } else {
                postgres = EmbeddedPostgres.start(dir.resolve("postgres"), port(pgPort), throwaway);
                jdbcUrl = postgres.jdbcUrl();
                user = EmbeddedPostgres.USER;
                password = "";
            }
            String bootstrap;
            if (externalKafka != null && !externalKafka.isBlank()) {
                bootstrap = externalKafka;
            } else {
                kafka = EmbeddedKafka.start(dir.resolve("kafka"), port(kafkaPort));
                bootstrap = kafka.bootstrapServers();
            }
            EmbeddedKafka.createTopics(bootstrap, Topics.all());
            return new Infrastructure(postgres, kafka, new Endpoints(jdbcUrl, user, password, bootstrap));
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    @Override
    public void close() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** A port nobody listens on now (for services started by tests). */
    public static int freePort() {
        return Processes.freePort();
    }

    private static int port(int preferred) {
        return preferred > 0 && Processes.portFree(preferred) ? preferred : Processes.freePort();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
