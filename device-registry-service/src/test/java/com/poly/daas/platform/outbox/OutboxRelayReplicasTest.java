package com.poly.daas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.DeviceStatusChanged;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, replicas: two outbox relays (as in two pods of a service: two relay instances, each with its own Kafka
 * producer) drain one outbox while events keep being committed. Each event reaches the real Kafka topic exactly once
 * and each aggregate's events keep their commit order (the relay's promise: one relay works at a time under a
 * transaction-scoped advisory lock, and it commits only after every broker acknowledgement). In this package so that it
 * can build the second relay from the first one's database, clock and settings, as a second pod's container would.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OutboxRelayReplicasTest {
    private static final int AGGREGATES = 4;
    private static final int STEPS = 12;

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A relay of its own (own producer, small batches so the two relays take turns often), not a CDI bean. */
    private OutboxRelay podRelay(String name) {
        OutboxRelay bean = io.quarkus.arc.ClientProxy.unwrap(relay);
        OutboxRelay pod = new OutboxRelay();
        pod.em = bean.em;
        pod.clock = bean.clock;
        pod.metrics = bean.metrics;
        pod.bootstrapServers = bean.bootstrapServers;
        pod.application = bean.application + "-" + name;
        pod.enabled = false; // driven by this test, no background thread
        pod.batchSize = 5;
        pod.pollInterval = bean.pollInterval;
        pod.retention = bean.retention;
        pod.start(null);
        return pod;
    }

    @Test
    void twoRelaysDrainingOneOutboxPublishEachEventOnceInOrderPerAggregate() throws Exception {
        relay.pause(); // the service's own background relay stops; the two below stand for two pods
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<OutboxRelay> pods = List.of(podRelay("pod-a"), podRelay("pod-b"));
        try {
            relay.drain();
            List<String> serials = IntStream.range(0, AGGREGATES)
                    .mapToObj(i -> "RELAY-" + java.util.UUID.randomUUID().toString().substring(0, 12).toUpperCase()).toList();
            AtomicBoolean writing = new AtomicBoolean(true);
            CountDownLatch start = new CountDownLatch(1);

            Future<?> writer = pool.submit(() -> {
                start.await();
                try {
                    for (int step = 0; step < STEPS; step++) {
                        for (String serial : serials) {
                            int s = step;
                            QuarkusTransaction.requiringNew().run(() -> outbox.publish(new DeviceStatusChanged(serial, "SKU-RELAY", "P-1",
                                    "S" + (s - 1), "S" + s, clock.instant())));
                        }
                    }
                } finally {
                    writing.set(false);
                }
                return null;
            });
            List<Future<int[]>> relays = new ArrayList<>();
            for (OutboxRelay pod : pods) {
                relays.add(pool.submit(() -> {
                    start.await();
                    int published = 0;
                    int batches = 0;
                    while (writing.get() || pending(serials) > 0) {
                        int sent = pod.relayBatch();
                        if (sent > 0) {
                            published += sent;
                            batches++;
                        } else {
                            Thread.onSpinWait(); // the other relay holds the lock, or nothing is committed yet: poll again
                        }
                    }
                    return new int[] {published, batches};
                }));
            }
            start.countDown();
            writer.get(120, TimeUnit.SECONDS);
            int[] a = relays.get(0).get(120, TimeUnit.SECONDS);
            int[] b = relays.get(1).get(120, TimeUnit.SECONDS);
            assertThat(a[0] + b[0]).as("the two relays together published every event once").isGreaterThanOrEqualTo(AGGREGATES * STEPS);
            assertThat(a[1] + b[1]).as("the outbox was drained in many batches while events were committed")
                    .isGreaterThanOrEqualTo(AGGREGATES * STEPS / 5);
            System.out.printf("[relay replicas] relay A: %d events in %d batches, relay B: %d events in %d batches%n", a[0], a[1], b[0], b[1]);

            long markedOnce = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                            "select count(*) from outbox_event where aggregateid = any(?1) and published_at is not null and attempts = 1")
                    .setParameter(1, serials.toArray(String[]::new)).getSingleResult()).longValue());
            assertThat(markedOnce).as("every row marked published exactly once").isEqualTo(AGGREGATES * STEPS);

            Set<String> ours = Set.copyOf(serials);
            List<ConsumerRecord<String, String>> records = TopicProbe.read(Topics.REGISTRY_DEVICES, Duration.ofSeconds(30),
                    rs -> rs.stream().filter(r -> ours.contains(r.key())).count() >= AGGREGATES * STEPS);
            List<ConsumerRecord<String, String>> mine = records.stream().filter(r -> ours.contains(r.key())).toList();
            Map<String, Long> perEventId = mine.stream().collect(Collectors.groupingBy(
                    r -> new String(r.headers().lastHeader("id").value(), StandardCharsets.UTF_8), Collectors.counting()));
            assertThat(perEventId).hasSize(AGGREGATES * STEPS).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));

            ObjectMapper json = new ObjectMapper();
            Map<String, List<String>> statusesPerSerial = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> r : mine) {
                JsonNode envelope = json.readTree(r.value());
                statusesPerSerial.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(envelope.path("payload").path("status").asText());
            }
            List<String> inOrder = IntStream.range(0, STEPS).mapToObj(i -> "S" + i).toList();
            assertThat(statusesPerSerial).containsOnlyKeys(ours)
                    .allSatisfy((serial, statuses) -> assertThat(statuses).as(serial).containsExactlyElementsOf(inOrder));
        } finally {
            pool.shutdownNow();
            pods.forEach(pod -> pod.stop(null));
            relay.resume();
        }
    }

    private long pending(List<String> serials) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where published_at is null and aggregateid = any(?1)")
                .setParameter(1, serials.toArray(String[]::new)).getSingleResult()).longValue());
    }
}
