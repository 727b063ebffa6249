package com.poly.daas.billing.messaging;

import com.poly.daas.billing.service.PriceCatalogue;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.registry.ModelPriceChanged;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The price replica (A4, B2) from the registry's model topic: only {@code ModelPriceChanged}, once per event. */
@ApplicationScoped
public class PriceReplicaConsumer {
    public static final String CONSUMER = "billing-service.price-replica";

    @Inject
    InboundEvents inbound;
    @Inject
    PriceCatalogue catalogue;

    @Incoming("models")
    @Blocking(ordered = true)
    public void onModelEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    public void apply(EventEnvelope event) {
        if ("ModelPriceChanged".equals(event.type())) {
            catalogue.apply(EventJson.payload(event, ModelPriceChanged.class));
        }
    }
}
