package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.contract.service.ExpiryJob;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, replicas: the contract expiry job (P3) runs in every pod. Two instances started at the same moment, and
 * run again, against one database end each contract and each device period exactly once: one ContractExpired per
 * contract, one DeviceCoverageEnded per device, committed with the state change (outbox).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ExpiryReplicasTest {
    private static final int CONTRACTS = 8;

    @Inject
    MutableClock clock;
    @Inject
    ExpiryJob job;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void today(String day) {
        clock.set(Instant.parse(day + "T00:00:01Z"));
    }

    @Test
    void P3_twoExpiryJobsAtOnceEndEachContractAndDevicePeriodExactlyOnce() throws Exception {
        today("2032-06-01");
        String partner = Fixtures.partner();
        List<String> contracts = new ArrayList<>();
        for (int i = 0; i < CONTRACTS; i++) {
            contracts.add(Fixtures.activeContract(partner, 12));
        }
        String sku = Fixtures.voiceModel();
        List<String> serials = List.of(Fixtures.serial(), Fixtures.serial(), Fixtures.serial(), Fixtures.serial());
        Fixtures.enrol(partner, contracts.get(0),
                Fixtures.device(serials.get(0), sku, "STANDARD", "2032-06-01"), Fixtures.device(serials.get(1), sku, "STANDARD", "2032-06-01"),
                Fixtures.device(serials.get(2), sku, "STANDARD", null), Fixtures.device(serials.get(3), sku, "EXTENDED", null))
                .then().statusCode(201);

        today("2033-06-01");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int ended = 0;
        try {
            for (int round = 0; round < 3; round++) {
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return job.runOnce();
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return job.runOnce();
                });
                start.countDown();
                ended += a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // runOnce counts contracts and device periods that ran out; never-delivered devices end with their contract
        assertThat(ended).as("ours at least: %d contracts and 2 device periods", CONTRACTS).isGreaterThanOrEqualTo(CONTRACTS + 2);

        for (String contract : contracts) {
            given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + contract).then()
                    .body("status", equalTo("EXPIRED")).body("endedOn", equalTo("2033-06-01"));
        }
        Map<String, Long> expired = countByAggregate("ContractExpired", contracts);
        assertThat(expired).as("one ContractExpired per contract").hasSize(CONTRACTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(1L));
        Map<String, Long> devicesEnded = countDeviceEnded(serials);
        assertThat(devicesEnded).as("one DeviceCoverageEnded per device").hasSize(4).allSatisfy((s, n) -> assertThat(n).isEqualTo(1L));
        job.runOnce(); // a later run (another pod's next tick) finds nothing of ours due
        assertThat(countByAggregate("ContractExpired", contracts).values()).hasSize(CONTRACTS).containsOnly(1L);
        assertThat(countDeviceEnded(serials).values()).hasSize(4).containsOnly(1L);
    }

    private Map<String, Long> countByAggregate(String type, List<String> aggregates) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select aggregateid, count(*) from outbox_event where type = ?1 and aggregateid = any(?2) group by aggregateid")
                .setParameter(1, type).setParameter(2, aggregates.toArray(String[]::new)).getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    private Map<String, Long> countDeviceEnded(List<String> serials) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select payload -> 'payload' ->> 'serial', count(*) from outbox_event
                        where type = 'DeviceCoverageEnded' and payload -> 'payload' ->> 'serial' = any(?1)
                        group by 1""")
                .setParameter(1, serials.toArray(String[]::new)).getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
