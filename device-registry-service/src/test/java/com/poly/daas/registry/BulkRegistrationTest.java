package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Bulk registration for partner ERPs: validated as a whole, all-or-nothing or partial, idempotent, one event per device. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BulkRegistrationTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-A");
        ProgrammeFacts.known("P-B");
        ProgrammeFacts.known("P-SOMEONE-ELSE");
    }
    @Inject
    EntityManager em;
    @Inject
    io.agroal.api.AgroalDataSource db;

    static String body(List<String> rows) {
        return "{\"devices\":[" + String.join(",", rows) + "]}";
    }

    static List<String> rows(String sku, String customer, int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Fixtures.deviceJson(Fixtures.serial(), sku, customer, "2026-10-01"));
        }
        return rows;
    }

    @Test
    void everyBadRowIsListedWithItsIndexAndReasonAndNothingIsStored() {
        String sku = Fixtures.model("DESK_PHONE");
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner);
        String taken = Fixtures.serial();
        Fixtures.device("P-SOMEONE-ELSE", taken, sku, "CU-X", null);
        List<String> rows = rows(sku, customer, 6);
        String dup = Fixtures.serial();
        rows.set(1, Fixtures.deviceJson("bad serial", sku, customer, null));
        rows.set(2, Fixtures.deviceJson(Fixtures.serial(), "UNKNOWN-" + sku, customer, null));
        rows.set(3, Fixtures.deviceJson(taken, sku, customer, null));
        rows.set(4, Fixtures.deviceJson(dup, sku, customer, null));
        rows.add(Fixtures.deviceJson(dup, sku, customer, null));                 // 6: duplicate of row 4
        rows.add(Fixtures.deviceJson(Fixtures.serial(), sku, customer, "2999-01-01")); // 7: future delivery
        rows.add(Fixtures.deviceJson(Fixtures.serial(), sku, "", null));          // 8: blank customer

        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON).body(body(rows))
                .post("/devices/bulk").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("devices[1].serial", "devices[2].sku", "devices[3].serial",
                        "devices[6].serial", "devices[7].deliveredOn", "devices[8].customerId")))
                .body("errors.message", hasItems("already registered", "duplicate of row 4 in this request", "unknown model UNKNOWN-" + sku));
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).get("/devices")
                .then().statusCode(200).body("items", hasSize(0));
        assertThat(outboxRows(customer)).isZero();

        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON).queryParam("mode", "partial").body(body(rows))
                .post("/devices/bulk").then().statusCode(200)
                .body("received", equalTo(9)).body("registered", equalTo(3))
                .body("rejected.index", equalTo(List.of(1, 2, 3, 6, 7, 8)))
                .body("rejected.field", equalTo(List.of("serial", "sku", "serial", "serial", "deliveredOn", "customerId")));
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).get("/devices")
                .then().statusCode(200).body("items", hasSize(3)).body("items.partnerId", hasItem(partner));
        assertThat(outboxRows(customer)).as("one DeviceRegistered per stored device").isEqualTo(3);
        String stored = rows.get(0).replaceAll(".*\"serial\":\"([^\"]+)\".*", "$1"); // row 0 was valid
        var events = com.poly.daas.testsupport.TopicProbe.events(com.poly.daas.events.Topics.REGISTRY_DEVICES, stored, 1,
                Duration.ofSeconds(20));
        assertThat(events).extracting(com.poly.daas.events.EventEnvelope::type).containsExactly("DeviceRegistered");
        assertThat(events.get(0).payload().get("partnerId").asText()).isEqualTo(partner);
        assertThat(events.get(0).payload().get("deliveredOn").asText()).isEqualTo("2026-10-01");
        assertThat(events.get(0).producer()).isEqualTo("device-registry-service");
        // issue 16: the outbox rows are written by COPY with their own JSON writer; the envelope reads back like any other
        var envelope = com.poly.daas.events.EventJson.readEnvelope(com.poly.daas.events.EventJson.write(events.get(0)));
        assertThat(envelope.aggregateType()).isEqualTo("Device");
        assertThat(envelope.aggregateId()).isEqualTo(stored);
        assertThat(envelope.schemaVersion()).isEqualTo(1);
        assertThat(envelope.occurredAt()).isNotNull();
        assertThat(com.poly.daas.events.EventJson.payload(envelope, com.poly.daas.events.registry.DeviceRegistered.class))
                .isEqualTo(new com.poly.daas.events.registry.DeviceRegistered(stored, sku, partner, customer,
                        java.time.LocalDate.of(2026, 10, 1), null));
    }

    @Test
    void tenThousandSerialsInOneRequestAreStoredWithOneEventEachAndAReplayChangesNothing() {
        String sku = Fixtures.model("HEADSET");
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner);
        String body = body(rows(sku, customer, 10_000));
        String key = UUID.randomUUID().toString();
        long started = System.nanoTime();
        String first = given().header("Authorization", Tokens.partner(partner)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/devices/bulk")
                .then().statusCode(200).body("registered", equalTo(10_000)).body("rejected", hasSize(0)).extract().asString();
        System.out.printf("[bulk] 10,000 devices registered in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        given().header("Authorization", Tokens.partner(partner)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post("/devices/bulk")
                .then().statusCode(200).header("Idempotency-Replayed", "true").body(equalTo(first));
        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON).body(body).post("/devices/bulk")
                .then().statusCode(422).body("errors", hasSize(10_000));
        assertThat(outboxRows(customer)).isEqualTo(10_000);
        long devices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from device where customer_id = ?1").setParameter(1, customer).getSingleResult()).longValue());
        assertThat(devices).isEqualTo(10_000);
    }

    @Test
    void limitsModeAndPartnerAreChecked() {
        String sku = Fixtures.model("HEADSET");
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).body(body(List.of()))
                .post("/devices/bulk").then().statusCode(400).body("errors.field", hasItem("devices"));
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).body(body(rows(sku, "CU-1", 10_001)))
                .post("/devices/bulk").then().statusCode(400).body("errors.field", hasItem("devices"));
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).queryParam("mode", "some")
                .body(body(rows(sku, "CU-1", 1))).post("/devices/bulk").then().statusCode(400).body("errors.field", hasItem("mode"));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(body(rows(sku, "CU-1", 1))).post("/devices/bulk").then().statusCode(400).body("errors.field", hasItem("partnerId"));
        given().header("Authorization", Tokens.partner("P-B")).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"P-A\",\"devices\":[" + rows(sku, "CU-1", 1).get(0) + "]}").post("/devices/bulk").then().statusCode(404);
        ProgrammeFacts.knownCustomer("P-A", "CU-AGENT");
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"P-A\",\"devices\":[" + rows(sku, "CU-AGENT", 1).get(0) + "]}").post("/devices/bulk")
                .then().statusCode(200).body("registered", equalTo(1));
    }

    @Test
    void anotherPartnersCustomerIsARejectedRowEvenInPartialModeAndForAnAgent() {
        String sku = Fixtures.model("HEADSET");
        String owner = Fixtures.partner();
        String ownersCustomer = Fixtures.customer(owner);
        String intruder = Fixtures.partner();
        String intrudersCustomer = Fixtures.customer(intruder);
        List<String> rows = List.of(Fixtures.deviceJson(Fixtures.serial(), sku, intrudersCustomer, null),
                Fixtures.deviceJson(Fixtures.serial(), sku, ownersCustomer, null),
                Fixtures.deviceJson(Fixtures.serial(), sku, "CU-NOBODY-" + Fixtures.serial(), null));
        given().header("Authorization", Tokens.partner(intruder)).contentType(ContentType.JSON).queryParam("mode", "partial")
                .body(body(rows)).post("/devices/bulk").then().statusCode(200)
                .body("registered", equalTo(1)).body("rejected.index", equalTo(List.of(1, 2)))
                .body("rejected.field", equalTo(List.of("customerId", "customerId")))
                .body("rejected.reason", equalTo(List.of("no such customer for this partner", "no such customer for this partner")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(owner)));
        // an agent acting for the intruder is held to the same pairing
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body("{\"partnerId\":\"" + intruder + "\",\"devices\":[" + Fixtures.deviceJson(Fixtures.serial(), sku, ownersCustomer, null) + "]}")
                .post("/devices/bulk").then().statusCode(422).body("errors.field", hasItem("devices[0].customerId"));
        given().header("Authorization", Tokens.agent()).queryParam("customerId", ownersCustomer).get("/devices")
                .then().body("items", hasSize(0));
        assertThat(outboxRows(ownersCustomer)).isZero();
    }

    /**
     * Issue 16: the rows are stored with COPY after the duplicate check. A serial registered by another transaction in
     * between (here: inserted and not yet committed while the request runs, so the check cannot see it) fails the COPY
     * on the unique index once that transaction commits: 409, and nothing of the batch is stored.
     */
    @Test
    void aSerialRegisteredConcurrentlyRefusesTheWholeBatchWith409() throws Exception {
        String sku = Fixtures.model("HEADSET");
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner);
        List<String> rows = rows(sku, customer, 50);
        String contested = rows.get(37).replaceAll(".*\"serial\":\"([^\"]+)\".*", "$1");
        try (java.sql.Connection other = db.getConnection(); java.sql.Connection watcher = db.getConnection()) {
            other.setAutoCommit(false);
            try (var insert = other.prepareStatement("""
                    insert into device (id, partner_id, customer_id, serial, sku, delivered_on, status, replaces_serial,
                                        registered_at, version)
                    values (?, 'P-SOMEONE-ELSE', 'CU-X', ?, ?, null, 'REGISTERED', null, now(), 0)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, contested);
                insert.setString(3, sku);
                insert.executeUpdate();
            }
            var response = CompletableFuture.supplyAsync(() -> given()
                    .header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON).body(body(rows))
                    .post("/devices/bulk").then().extract().response());
            // the request's COPY waits on the uncommitted serial's index entry (and must not answer before)
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .failFast("the request answered without waiting for the other transaction", response::isDone)
                    .until(() -> copyWaitsOnALock(watcher));
            other.commit();
            var answer = response.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(409);
            assertThat(answer.jsonPath().getString("type")).endsWith("duplicate-serial");
        }
        long devices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from device where customer_id = ?1").setParameter(1, customer).getSingleResult()).longValue());
        assertThat(devices).as("nothing of the batch stored").isZero();
        assertThat(outboxRows(customer)).isZero();
    }

    private static boolean copyWaitsOnALock(java.sql.Connection watcher) throws java.sql.SQLException {
        try (var ps = watcher.prepareStatement("""
                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query ilike 'copy device %'""");
             var rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private long outboxRows(String customer) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where type = 'DeviceRegistered' and payload -> 'payload' ->> 'customerId' = ?1")
                .setParameter(1, customer).getSingleResult()).longValue());
    }
}
