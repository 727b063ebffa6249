package com.poly.daas.platform.parties;

import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service's consumer of contract-service's partner and customer facts ({@code daas.contracts.parties.v1}, channel
 * {@code parties} configured once in the platform's defaults): applied to {@link PartyReplica} once per event (inbox),
 * so the topic can be replayed. In contract-service the replica is a copy of its own tables, unused for decisions.
 */
@ApplicationScoped
public class PartyFactsConsumer {
    @Inject
    InboundEvents inbound;
    @Inject
    PartyReplica replica;
    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @Incoming("parties")
    @Blocking(ordered = true)
    public void onPartyFacts(ConsumerRecords<String, String> records) {
        inbound.processBatch(service + ".party-replica", records, replica::apply);
    }
}
