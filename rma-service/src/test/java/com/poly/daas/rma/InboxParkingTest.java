package com.poly.daas.rma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.poly.daas.events.EventJson;
import com.poly.daas.events.MalformedEventException;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.platform.inbox.NotYetApplicableException;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform inbox on the real database: an event that cannot apply yet is parked (not dead-lettered), later events
 * of its aggregate wait behind it, and all are applied in order once the missing fact arrives; malformed is poison.
 * A poll's records are applied a group per transaction (issue 16); a record that fails takes its group back to one
 * record at a time, so it fails alone and goes to the real dead-letter topic with its reason.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class InboxParkingTest {
    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;

    static String event(String serial, String sku, UUID id) {
        return EventJson.write(EventJson.envelope(new DeviceRegistered(serial, sku, "P-1", "CU-1", null, null), id,
                Instant.now(), "device-registry-service"));
    }

    @Test
    void anEarlyEventIsParkedItsAggregatesNextEventWaitsBehindItAndBothApplyInOrderOnceTheFactArrives() {
        String consumer = "test.parking-" + UUID.randomUUID();
        String serial = "SN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        AtomicBoolean factArrived = new AtomicBoolean(false);
        List<String> applied = new java.util.concurrent.CopyOnWriteArrayList<>();
        InboundEvents.Handler handler = e -> {
            String sku = e.payload().get("sku").asText();
            if (sku.equals("FIRST") && !factArrived.get()) {
                throw new NotYetApplicableException("the model FIRST is not known yet");
            }
            applied.add(sku);
        };
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID other = UUID.randomUUID();

        assertThat(inbound.process(consumer, event(serial, "FIRST", first), handler)).isFalse();
        assertThat(inbound.isParked(consumer, first)).isTrue();
        assertThat(inbound.process(consumer, event(serial, "SECOND", second), handler)).as("behind its aggregate's parked event").isFalse();
        assertThat(inbound.isParked(consumer, second)).isTrue();
        assertThat(inbound.process(consumer, event(serial + "X", "OTHER", other), handler)).as("other aggregates move on").isTrue();
        assertThat(applied).containsExactly("OTHER");
        inbound.reapplyParked(consumer);
        assertThat(applied).as("still missing: nothing of the aggregate applied").containsExactly("OTHER");
        assertThat(inbound.isParked(consumer, first)).isTrue();

        factArrived.set(true);
        inbound.reapplyParked(consumer); // also re-applied every daas.inbox.reapply-every
        await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(applied).containsExactly("OTHER", "FIRST", "SECOND"));
        assertThat(inbound.isParked(consumer, first)).isFalse();
        assertThat(inbound.alreadyProcessed(consumer, first)).isTrue();
        assertThat(inbound.alreadyProcessed(consumer, second)).isTrue();
        // a redelivery after all this changes nothing
        assertThat(inbound.process(consumer, event(serial, "FIRST", first), handler)).isFalse();
        assertThat(applied).hasSize(3);
    }

    @Test
    void malformedAndRefusedEventsAreStillPoisonForTheDeadLetterTopic() {
        String consumer = "test.poison-" + UUID.randomUUID();
        assertThatThrownBy(() -> inbound.process(consumer, "{not json", e -> { })).isInstanceOf(MalformedEventException.class);
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> inbound.process(consumer, event("SN1", "X", id), e -> {
            throw new IllegalArgumentException("belongs to another partner");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(inbound.isParked(consumer, id)).isFalse();
        assertThat(inbound.alreadyProcessed(consumer, id)).isFalse();
    }
    /** A handler whose effect is a row in the service's database, so a rolled-back group leaves nothing behind. */
    private InboundEvents.Handler effects(String consumer) {
        return e -> {
            String sku = e.payload().get("sku").asText();
            if (sku.startsWith("BAD")) {
                throw new IllegalArgumentException("refused for good: " + sku);
            }
            em.createNativeQuery("insert into inbox_test_effect (consumer, sku) values (?1, ?2)")
                    .setParameter(1, consumer).setParameter(2, sku).executeUpdate();
        };
    }

    @SuppressWarnings("unchecked")
    private List<String> effectsOf(String consumer) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select sku from inbox_test_effect where consumer = ?1 order by seq").setParameter(1, consumer).getResultList());
    }

    private static ConsumerRecord<String, String> record(long offset, String key, String value) {
        return new ConsumerRecord<>(Topics.REGISTRY_DEVICES, 0, offset, key, value);
    }

    @BeforeEach
    void effectTable() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                create table if not exists inbox_test_effect (seq bigserial primary key, consumer text not null, sku text not null)""")
                .executeUpdate());
    }

    @Test
    void aPollIsAppliedInOrderOnceEachAndItsPoisonRecordsAloneGoToTheDeadLetterTopic() {
        String consumer = "test.batch-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8);
        UUID first = UUID.randomUUID();
        UUID refused = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String badKey = "bad-" + run;
        String malformedKey = "malformed-" + run;
        List<ConsumerRecord<String, String>> poll = List.of(
                record(1, "a-" + run, event("SN-A" + run, "A", first)),
                record(2, badKey, event("SN-B" + run, "BAD", refused)),
                record(3, malformedKey, "{not json"),
                record(4, "c-" + run, event("SN-C" + run, "C", last)),
                record(5, "a-" + run, event("SN-A" + run, "A", first))); // redelivered within the same poll

        inbound.processBatch(consumer, poll, effects(consumer));

        assertThat(effectsOf(consumer)).as("applied once each, in order; the refused and malformed ones changed nothing")
                .containsExactly("A", "C");
        assertThat(inbound.alreadyProcessed(consumer, first)).isTrue();
        assertThat(inbound.alreadyProcessed(consumer, last)).isTrue();
        assertThat(inbound.alreadyProcessed(consumer, refused)).isFalse();
        assertThat(inbound.isParked(consumer, refused)).as("poison is not parked").isFalse();
        var dead = TopicProbe.read(Topics.deadLetter("rma-service"), Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> badKey.equals(r.key()) || malformedKey.equals(r.key())).count() >= 2)
                .stream().filter(r -> badKey.equals(r.key()) || malformedKey.equals(r.key())).toList();
        assertThat(dead).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(badKey, malformedKey);
        var bad = dead.stream().filter(r -> badKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(bad, "dead-letter-reason")).isEqualTo("refused for good: BAD");
        assertThat(TopicProbe.header(bad, "dead-letter-topic")).isEqualTo(Topics.REGISTRY_DEVICES);
        assertThat(TopicProbe.header(bad, "dead-letter-offset")).isEqualTo("2");
        assertThat(bad.value()).as("the record as received").isEqualTo(poll.get(1).value());
        var malformed = dead.stream().filter(r -> malformedKey.equals(r.key())).findFirst().orElseThrow();
        assertThat(malformed.value()).isEqualTo("{not json");
        assertThat(TopicProbe.header(malformed, "dead-letter-exception-class-name")).isEqualTo(MalformedEventException.class.getName());

        inbound.processBatch(consumer, poll.subList(0, 1), effects(consumer)); // the whole poll again after a rebalance
        inbound.processBatch(consumer, List.of(poll.get(0), poll.get(3)), effects(consumer));
        assertThat(effectsOf(consumer)).as("a redelivered poll changes nothing").containsExactly("A", "C");
    }

    @Test
    void inAPollAnAggregateWithAParkedEventWaitsBehindItWhileTheOthersApply() {
        String consumer = "test.batch-parking-" + UUID.randomUUID();
        String serial = "SN" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        AtomicBoolean factArrived = new AtomicBoolean(false);
        InboundEvents.Handler effects = effects(consumer);
        InboundEvents.Handler handler = e -> {
            if (e.payload().get("sku").asText().equals("FIRST") && !factArrived.get()) {
                throw new NotYetApplicableException("the model FIRST is not known yet");
            }
            effects.apply(e);
        };
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        inbound.processBatch(consumer, List.of(
                record(1, serial, event(serial, "FIRST", first)),
                record(2, serial + "X", event(serial + "X", "OTHER", UUID.randomUUID()))), handler);
        assertThat(inbound.isParked(consumer, first)).isTrue();
        assertThat(effectsOf(consumer)).containsExactly("OTHER");

        inbound.processBatch(consumer, List.of(
                record(3, serial + "Y", event(serial + "Y", "THIRD", UUID.randomUUID())),
                record(4, serial, event(serial, "SECOND", second))), handler);
        assertThat(inbound.isParked(consumer, second)).as("behind its aggregate's parked event").isTrue();
        assertThat(effectsOf(consumer)).containsExactly("OTHER", "THIRD");

        factArrived.set(true);
        inbound.reapplyParked(consumer);
        assertThat(effectsOf(consumer)).containsExactly("OTHER", "THIRD", "FIRST", "SECOND");
    }
    @Test
    void aPollsConsequencesReachTheOutboxOnceEachInTheOrderOfItsEvents() {
        String consumer = "test.batch-outbox-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // each applied event has a consequence published through the outbox (held back and written once per group)
        InboundEvents.Handler effects = effects(consumer);
        InboundEvents.Handler handler = e -> {
            effects.apply(e);
            outbox.publish(new DeviceRegistered(e.payload().get("serial").asText() + "-NEXT", "NEXT", "P-1", "CU-1", null, null));
        };
        List<String> serials = List.of("SN-1" + run, "SN-2" + run, "SN-3" + run, "SN-4" + run);
        inbound.processBatch(consumer, List.of(
                record(1, serials.get(0), event(serials.get(0), "A", UUID.randomUUID())),
                record(2, serials.get(1), event(serials.get(1), "B", UUID.randomUUID())),
                record(3, serials.get(2), event(serials.get(2), "C", UUID.randomUUID()))), handler);
        // a group that fails on its last record: rolled back, then applied one by one; D's consequence is written once
        inbound.processBatch(consumer, List.of(
                record(4, serials.get(3), event(serials.get(3), "D", UUID.randomUUID())),
                record(5, "bad-" + run, event("SN-5" + run, "BAD", UUID.randomUUID()))), handler);

        @SuppressWarnings("unchecked")
        List<String> published = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select aggregateid from outbox_event where aggregateid like ?1 order by seq")
                .setParameter(1, "%" + run + "-NEXT").getResultList());
        assertThat(published).containsExactly(serials.stream().map(s -> s + "-NEXT").toArray(String[]::new));
        assertThat(effectsOf(consumer)).containsExactly("A", "B", "C", "D");
    }
}
