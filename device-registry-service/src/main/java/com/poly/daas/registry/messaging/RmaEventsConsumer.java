package com.poly.daas.registry.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.registry.service.DeviceRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Follows the advance-replacement process (rma-service): the replacement is registered and linked to the original
 * (P4), the original goes IN_RETURN and, once received, becomes Poly's property (A2). Once per event (inbox);
 * records that can never apply go to {@code daas.dlq.device-registry-service}.
 */
@ApplicationScoped
public class RmaEventsConsumer {
    static final String CONSUMER = "device-registry-service.rma-devices";

    @Inject
    InboundEvents inbound;
    @Inject
    DeviceRegistry registry;

    @Incoming("rmas")
    @Blocking(ordered = true)
    @ActivateRequestContext
    public void onRmaEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "ReplacementShipped" -> registry.replacementShipped(EventJson.payload(event, ReplacementShipped.class));
            case "DefectiveUnitReceived" -> registry.defectiveUnitReceived(EventJson.payload(event, DefectiveUnitReceived.class));
            default -> {
                // other RMA events do not concern the registry
            }
        }
    }
}
