package com.poly.daas.contract.messaging;

import com.poly.daas.contract.domain.ModelFact;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.events.registry.ModelEndOfSupportAnnounced;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the model replica in step with the registry's catalogue events, once per event (inbox). Poison records go
 * to {@code daas.dlq.contract-service} and the partition moves on.
 */
@ApplicationScoped
public class ModelFactsConsumer {
    static final String CONSUMER = "contract-service.model-facts";

    @Inject
    InboundEvents inbound;
    @Inject
    Clock clock;

    @Incoming("registry-models")
    @Blocking(ordered = true)
    public void onModelEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "ModelCatalogued" -> {
                var e = EventJson.payload(event, ModelCatalogued.class);
                ModelFact fact = fact(e.sku());
                fact.name = e.name();
                fact.category = e.category();
                fact.voice = e.voice();
                fact.daasEligible = e.daasEligible();
                touch(fact);
            }
            case "ModelEndOfSaleAnnounced" -> {
                var e = EventJson.payload(event, ModelEndOfSaleAnnounced.class);
                ModelFact fact = fact(e.sku());
                if (fact.endOfSaleAnnouncedOn == null) {
                    fact.endOfSaleAnnouncedOn = e.announcedOn();
                    fact.endOfSaleReceivedAt = clock.instant();
                }
                touch(fact);
            }
            case "ModelEndOfSupportAnnounced" -> {
                var e = EventJson.payload(event, ModelEndOfSupportAnnounced.class);
                ModelFact fact = fact(e.sku());
                if (fact.endOfSupportAnnouncedOn == null) {
                    fact.endOfSupportAnnouncedOn = e.announcedOn();
                }
                touch(fact);
            }
            default -> {
                // other model events (prices) are not needed here
            }
        }
    }

    private ModelFact fact(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new IllegalArgumentException("model event without sku");
        }
        ModelFact fact = ModelFact.findById(sku);
        if (fact == null) {
            fact = new ModelFact();
            fact.sku = sku;
            fact.updatedAt = clock.instant();
            fact.persist();
        }
        return fact;
    }

    private void touch(ModelFact fact) {
        fact.updatedAt = clock.instant();
        fact.eventsApplied++;
    }
}
