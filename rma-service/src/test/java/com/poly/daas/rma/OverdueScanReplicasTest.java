package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.enrol;
import static com.poly.daas.rma.ContractFeed.register;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.rma.config.RmaPolicy;
import com.poly.daas.rma.service.ReturnObligations;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ScrapedMetrics;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
 * Issue 15, replicas: the overdue scan (A3 → A4) runs in every pod. Two scans started at the same moment against one
 * database, over more obligations than one batch holds (the test profile's batch is small), mark each obligation
 * OVERDUE exactly once and publish exactly one ReturnOverdue per RMA.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OverdueScanReplicasTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int RMAS = 5;

    @Inject
    MutableClock clock;
    @Inject
    ReturnObligations obligations;
    @Inject
    RmaPolicy policy;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private void at(ZonedDateTime moment) {
        clock.set(moment.toInstant());
    }

    @Test
    void A3_A4_twoScansAtOnceMarkEachObligationOverdueOnceAndPublishOneReturnOverdueEach() throws Exception {
        assertThat(policy.overdueScan().batchSize()).as("several batches per scan").isLessThan(RMAS);
        String partner = "P-ODR";
        ProgrammeFacts.known(partner);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RMAS; i++) {
            String s = serial();
            String replacement = serial();
            enrol(partner, s, "STANDARD");
            register(replacement, "CCX-500");
            at(ZonedDateTime.of(2026, 12, 22, 9, 0, 0, 0, NEW_YORK));
            String id = given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                    .body(rmaJson(partner, s, "HARDWARE_FAILURE", "US", NEW_YORK.getId())).post("/rmas")
                    .then().statusCode(201).extract().path("id");
            given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                    .body("{\"replacementSerial\":\"" + replacement + "\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + replacement + "\"}")
                    .post("/rmas/" + id + "/shipment").then().statusCode(200).body("status", equalTo("SHIPPED"));
            ids.add(id);
        }

        at(ZonedDateTime.of(2027, 1, 20, 12, 0, 0, 0, NEW_YORK)); // every return above is past its due date
        assertThat(ScrapedMetrics.gauge("daas_rmas_returns_past_due_unmarked", null)).as("the scan's lag before any scan").isGreaterThanOrEqualTo(RMAS);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int marked;
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return obligations.scan();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return obligations.scan();
            });
            start.countDown();
            marked = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(marked).as("the two scans together marked ours").isGreaterThanOrEqualTo(RMAS);
        for (String id : ids) {
            given().header("Authorization", Tokens.agent()).get("/rmas/" + id).then().statusCode(200)
                    .body("status", equalTo("OVERDUE")).header("ETag", equalTo("\"2\""));
        }
        assertThat(returnOverdueEvents(ids)).as("one ReturnOverdue per RMA").hasSize(RMAS)
                .allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

        obligations.scan(); // another pod's next tick
        assertThat(returnOverdueEvents(ids).values()).hasSize(RMAS).containsOnly(1L);
        assertThat(ScrapedMetrics.gauge("daas_rmas_returns_past_due_unmarked", null)).as("no lag once a scan ran to the end").isZero();
        assertThat(ScrapedMetrics.gauge("daas_rmas_overdue_scan_age_seconds", null)).as("this pod just scanned").isZero();
    }

    private Map<String, Long> returnOverdueEvents(List<String> ids) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select aggregateid, count(*) from outbox_event where type = 'ReturnOverdue' and aggregateid = any(?1) group by aggregateid")
                .setParameter(1, ids.toArray(String[]::new)).getResultList());
        Map<String, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }
}
