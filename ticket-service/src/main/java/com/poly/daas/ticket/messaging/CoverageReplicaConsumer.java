package com.poly.daas.ticket.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.ticket.domain.CoveredDevice;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Issue 13: ticket-service's own replica of device coverage (P3, P4, E1), from contract-service's
 * {@code DeviceEnrolled} (re-sent when the delivery date makes the period known) and {@code DeviceCoverageEnded},
 * once per event (inbox). A ticket shows the device's coverage from it without calling contract-service.
 */
@ApplicationScoped
public class CoverageReplicaConsumer {
    static final String CONSUMER = "ticket-service.coverage-replica";

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Incoming("contracts")
    @Blocking(ordered = true)
    public void onContractEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "DeviceEnrolled" -> {
                var e = EventJson.payload(event, DeviceEnrolled.class);
                CoveredDevice device = device(e.contractId(), e.serial(), e.partnerId());
                device.customerId = e.customerId();
                device.coverageStart = e.coverageStart();
                device.coverageEnd = e.coverageEnd();
                device.option = e.option();
                device.updatedAt = clock.instant();
            }
            case "DeviceCoverageEnded" -> {
                var e = EventJson.payload(event, DeviceCoverageEnded.class);
                CoveredDevice device = device(e.contractId(), e.serial(), e.partnerId());
                device.endedOn = e.endedOn();
                device.endReason = e.reason();
                device.updatedAt = clock.instant();
            }
            default -> {
                // contract-level events do not change a device's coverage here
            }
        }
    }

    private CoveredDevice device(String contractId, String serial, String partnerId) {
        if (contractId == null || serial == null || serial.isBlank() || partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("coverage event without contractId, serial or partnerId");
        }
        // no caller here (all partners in scope): the row's partner is checked against the event's
        var found = em.createQuery("from CoveredDevice where contractId = :c and serial = :s", CoveredDevice.class)
                .setParameter("c", contractId).setParameter("s", serial).getResultStream().findFirst();
        if (found.isPresent()) {
            if (!partnerId.equals(found.get().partnerId)) {
                throw new IllegalArgumentException("coverage event of partner " + partnerId + " for a device of another partner");
            }
            return found.get();
        }
        CoveredDevice device = new CoveredDevice();
        device.id = UUID.randomUUID();
        device.contractId = contractId;
        device.serial = serial;
        device.partnerId = partnerId;
        device.updatedAt = clock.instant();
        em.persist(device);
        return device;
    }
}
