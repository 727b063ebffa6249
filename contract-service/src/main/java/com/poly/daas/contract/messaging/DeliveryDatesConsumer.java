package com.poly.daas.contract.messaging;

import com.poly.daas.contract.service.CoverageLedger;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * P3: delivery dates from the registry's device events start the service periods; registrations say whose each serial
 * is (issue 9: enrolment ownership). Once per event (inbox).
 */
@ApplicationScoped
public class DeliveryDatesConsumer {
    static final String CONSUMER = "contract-service.delivery-dates";

    @Inject
    InboundEvents inbound;
    @Inject
    CoverageLedger ledger;

    @Incoming("registry-devices")
    @Blocking(ordered = true)
    public void onDeviceEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "DeviceRegistered" -> {
                var e = EventJson.payload(event, DeviceRegistered.class);
                ledger.registered(e.serial(), e.sku(), e.partnerId(), e.customerId());
                if (e.deliveredOn() != null) {
                    ledger.deliveryReported(e.serial(), e.sku(), e.partnerId(), e.deliveredOn());
                }
            }
            case "DeviceDeliveryReported" -> {
                var e = EventJson.payload(event, DeviceDeliveryReported.class);
                ledger.deliveryReported(e.serial(), e.sku(), e.partnerId(), e.deliveredOn());
            }
            default -> {
                // status changes are not needed here
            }
        }
    }
}
