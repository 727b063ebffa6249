package com.poly.daas.rma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.poly.daas.events.EventJson;
import com.poly.daas.events.MalformedEventException;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.platform.inbox.NotYetApplicableException;
import com.poly.daas.testsupport.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The platform inbox on the real database: an event that cannot apply yet is parked (not dead-lettered), later events
 * of its aggregate wait behind it, and all are applied in order once the missing fact arrives; malformed is poison.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class InboxParkingTest {
    @Inject
    InboundEvents inbound;

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
}
