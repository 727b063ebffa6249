package com.poly.daas.ticket.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.inbox.InboundEvents;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Issue 9: which partner and customer each serial is registered to, from the registry's events, once per event
 * (inbox). A later registration of a serial (a replacement re-registered, P4) replaces the row.
 */
@ApplicationScoped
public class RegisteredDevicesConsumer {
    static final String CONSUMER = "ticket-service.registered-devices";

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager em;

    @Incoming("registry-devices")
    @Blocking(ordered = true)
    public void onDeviceEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        if (!"DeviceRegistered".equals(event.type())) {
            return; // delivery dates and status changes do not change ownership
        }
        var e = EventJson.payload(event, DeviceRegistered.class);
        if (e.serial() == null || e.sku() == null || e.partnerId() == null || e.customerId() == null) {
            throw new IllegalArgumentException("DeviceRegistered without serial, sku, partner or customer");
        }
        em.createNativeQuery("""
                        insert into registered_device (serial, sku, partner_id, customer_id, registered_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (serial) do update set sku = excluded.sku, partner_id = excluded.partner_id,
                            customer_id = excluded.customer_id, registered_at = excluded.registered_at""")
                .setParameter(1, e.serial()).setParameter(2, e.sku()).setParameter(3, e.partnerId())
                .setParameter(4, e.customerId()).setParameter(5, Timestamp.from(event.occurredAt())).executeUpdate();
    }
}
