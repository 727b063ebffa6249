package com.poly.daas.billing.messaging;

import com.poly.daas.billing.service.Penalties;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.rmas.ExcessRmaDetected;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Penalties from rma-service's events (A4, E5), once per event (inbox) and once per RMA and cause whatever the
 * number of deliveries (B3, unique key). An RMA's events share its key, so a late return follows its overdue notice.
 */
@ApplicationScoped
public class PenaltyEventsConsumer {
    public static final String CONSUMER = "billing-service.penalties";

    @Inject
    InboundEvents inbound;
    @Inject
    Penalties penalties;

    @Incoming("rmas")
    @Blocking(ordered = true)
    public void onRmaEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case "ReturnOverdue" -> penalties.unreturnedUnit(EventJson.payload(event, ReturnOverdue.class));
            case "LateReturnReceived" -> penalties.lateReturn(EventJson.payload(event, LateReturnReceived.class));
            case "ExcessRmaDetected" -> penalties.excessRma(EventJson.payload(event, ExcessRmaDetected.class));
            default -> {
                // other RMA events carry no penalty
            }
        }
    }
}
