package com.poly.daas.rma.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.rma.service.AnnualRmaRates;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * E5: counts this service's own {@code RmaAuthorised} events (read back from {@code daas.rmas.v1}, once per event) in
 * the customer's annual RMA rate. Reading the published fact keeps the count independent of how an RMA is authorised
 * (ticket, agent) and makes it replayable.
 */
@ApplicationScoped
public class AnnualRmaRateConsumer {
    public static final String CONSUMER = "rma-service.annual-rma-rate";

    @Inject
    InboundEvents inbound;
    @Inject
    AnnualRmaRates rates;

    @Incoming("rma-rate")
    @Blocking(ordered = true)
    public void onRmaEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    public void apply(EventEnvelope event) {
        if ("RmaAuthorised".equals(event.type())) {
            rates.authorised(EventJson.payload(event, RmaAuthorised.class));
        }
    }
}
