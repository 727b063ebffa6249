package com.poly.daas.rma.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.persistence.CoveredDeviceRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the coverage replica in step with contract-service's events, once per event (inbox), so RMAs are decided
 * without calling contract-service. Poison records go to {@code daas.dlq.rma-service}.
 */
@ApplicationScoped
public class CoverageReplicaConsumer {
    static final String CONSUMER = "rma-service.coverage-replica";

    @Inject
    InboundEvents inbound;
    @Inject
    CoveredDeviceRepository coverage;
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
                // P3/P4: re-sent when the period becomes known; a replacement carries its original's period
                var e = EventJson.payload(event, DeviceEnrolled.class);
                CoveredDevice device = device(e.contractId(), e.serial(), e.partnerId());
                device.sku = e.sku();
                device.customerId = e.customerId();
                device.customerCountry = e.customerCountry();
                device.coverageStart = e.coverageStart();
                device.coverageEnd = e.coverageEnd();
                device.option = e.option();
                device.replacesSerial = e.replacesSerial();
                touch(device);
            }
            case "DeviceCoverageEnded" -> {
                var e = EventJson.payload(event, DeviceCoverageEnded.class);
                CoveredDevice device = device(e.contractId(), e.serial(), e.partnerId());
                device.endedOn = e.endedOn();
                device.endReason = e.reason();
                touch(device);
            }
            default -> {
                // contract-level events are not needed for coverage decisions
            }
        }
    }

    private CoveredDevice device(String contractId, String serial, String partnerId) {
        if (contractId == null || serial == null || serial.isBlank() || partnerId == null || partnerId.isBlank()) {
            throw new IllegalArgumentException("coverage event without contractId, serial or partnerId");
        }
        return coverage.byContractAndSerial(contractId, serial).orElseGet(() -> {
            CoveredDevice device = new CoveredDevice();
            device.id = UUID.randomUUID();
            device.contractId = contractId;
            device.serial = serial;
            device.partnerId = partnerId;
            device.updatedAt = clock.instant();
            coverage.persist(device);
            return device;
        });
    }

    private void touch(CoveredDevice device) {
        device.updatedAt = clock.instant();
        device.eventsApplied++;
    }
}
