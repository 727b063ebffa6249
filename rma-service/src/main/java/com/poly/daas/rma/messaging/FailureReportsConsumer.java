package com.poly.daas.rma.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.rma.service.AdvanceReplacements;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * S3 → A1: a ticket triaged as a hardware failure opens the advance replacement, or is refused with the rule and
 * reason ({@code RmaRefused}). Once per event (inbox) and once per ticket (failure_report). Version 1 and 2 events.
 */
@ApplicationScoped
public class FailureReportsConsumer {
    static final String CONSUMER = "rma-service.failure-reports";

    @Inject
    InboundEvents inbound;
    @Inject
    AdvanceReplacements replacements;

    @Incoming("tickets")
    @Blocking(ordered = true)
    @ActivateRequestContext
    public void onTicketEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        if ("HardwareFailureConfirmed".equals(event.type())) {
            replacements.hardwareFailureConfirmed(EventJson.payload(event, HardwareFailureConfirmed.class));
        }
    }
}
