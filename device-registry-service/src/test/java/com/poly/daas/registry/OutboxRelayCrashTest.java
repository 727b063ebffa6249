package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.poly.daas.events.Topics;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.platform.outbox.OutboxRelay;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay dies in the worst place: after the broker acknowledged a batch and before the rows are marked
 * published. Nothing is lost (every event is sent again), and a downstream consumer using the platform inbox applies
 * each event exactly once despite the duplicates on the wire.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OutboxRelayCrashTest {
    @Inject
    OutboxRelay relay;
    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;

    static class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("relay killed after broker ack, before commit");
        }
    }

    @Test
    void relayKilledMidBatchLosesNoEventAndDownstreamAppliesEachOnce() {
        relay.pause();
        try {
            relay.drain();
            List<String> skus = IntStream.range(0, 5).mapToObj(i -> ModelCatalogueTest.newSku()).toList();
            skus.forEach(sku -> given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body(ModelCatalogueTest.modelJson(sku, "HEADSET")).post("/models").then().statusCode(201));
            assertThat(pending(skus)).isEqualTo(5);

            relay.observeBatches(ids -> {
                throw new SimulatedCrash();
            });
            assertThatThrownBy(relay::relayBatch).isInstanceOf(SimulatedCrash.class);
            assertThat(pending(skus)).as("a crash before commit leaves every row pending").isEqualTo(5);

            relay.observeBatches(null);
            assertThat(relay.drain()).isGreaterThanOrEqualTo(5);
            assertThat(pending(skus)).isZero();

            Set<String> ours = Set.copyOf(skus);
            List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.REGISTRY_MODELS, Duration.ofSeconds(30),
                    rs -> rs.stream().filter(r -> ours.contains(r.key())).count() >= 10);
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> ours.contains(r.key())).toList();
            Map<String, Long> perSku = mine.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertThat(perSku).as("at-least-once: the crashed batch was sent twice").containsOnlyKeys(ours)
                    .allSatisfy((sku, count) -> assertThat(count).isEqualTo(2L));

            Map<String, Integer> applied = new HashMap<>();
            String consumer = "crash-test-downstream-" + skus.get(0);
            long appliedNow = mine.stream()
                    .filter(r -> inbound.process(consumer, r.value(), e -> applied.merge(e.aggregateId(), 1, Integer::sum)))
                    .count();
            assertThat(appliedNow).isEqualTo(5);
            assertThat(applied).containsOnlyKeys(ours).allSatisfy((sku, n) -> assertThat(n).isEqualTo(1));
            long inboxRows = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                    .createNativeQuery("select count(*) from inbox_event where consumer = ?1").setParameter(1, consumer)
                    .getSingleResult()).longValue());
            assertThat(inboxRows).isEqualTo(5);
        } finally {
            relay.observeBatches(null);
            relay.resume();
        }
    }

    private long pending(List<String> skus) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where published_at is null and aggregateid = any(?1)")
                .setParameter(1, skus.toArray(String[]::new)).getSingleResult()).longValue());
    }
}
