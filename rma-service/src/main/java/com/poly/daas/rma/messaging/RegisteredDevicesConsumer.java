package com.poly.daas.rma.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.rma.domain.RegisteredDevice;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Replica of registered devices (device-registry-service): a replacement must be one, of the same model (A1, P4). */
@ApplicationScoped
public class RegisteredDevicesConsumer {
    static final String CONSUMER = "rma-service.registered-devices";

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Incoming("registry-devices")
    @Blocking(ordered = true)
    public void onDeviceEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        if (!"DeviceRegistered".equals(event.type())) {
            return;
        }
        var e = EventJson.payload(event, DeviceRegistered.class);
        if (e.serial() == null || e.serial().isBlank() || e.sku() == null || e.sku().isBlank()) {
            throw new IllegalArgumentException("DeviceRegistered without serial or sku");
        }
        RegisteredDevice.Key key = new RegisteredDevice.Key();
        key.sku = e.sku();
        key.serial = e.serial();
        RegisteredDevice device = em.find(RegisteredDevice.class, key);
        boolean isNew = device == null;
        if (isNew) {
            device = new RegisteredDevice();
            device.sku = e.sku();
            device.serial = e.serial();
        }
        device.partnerId = e.partnerId();
        device.customerId = e.customerId();
        device.updatedAt = clock.instant();
        if (isNew) {
            em.persist(device);
        }
    }
}
