package com.poly.daas.contract.messaging;

import com.poly.daas.contract.service.CoverageLedger;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** P4: a shipped advance replacement takes over the rest of its original's period, once per event (inbox). */
@ApplicationScoped
public class ReplacementsConsumer {
    static final String CONSUMER = "contract-service.replacements";

    @Inject
    InboundEvents inbound;
    @Inject
    CoverageLedger ledger;

    @Incoming("rmas")
    @Blocking(ordered = true)
    public void onRmaEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        if ("ReplacementShipped".equals(event.type())) {
            ledger.replacementShipped(EventJson.payload(event, ReplacementShipped.class));
        }
    }
}
