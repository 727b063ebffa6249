package com.poly.daas.registry.service;

import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.DeviceViews.NewDevice;
import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.persistence.DeviceRepository;
import com.poly.daas.registry.persistence.ModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Use cases of the serial registry. */
@ApplicationScoped
public class DeviceRegistry {
    @Inject
    DeviceRepository devices;
    @Inject
    ModelRepository models;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    @Transactional
    public Device register(NewDevice request, String partnerId) {
        models.bySku(request.sku()).orElseThrow(() -> ApiProblem.invalidField("sku", "unknown model " + request.sku()));
        if (request.deliveredOn() != null && request.deliveredOn().isAfter(java.time.LocalDate.now(clock))) {
            throw ApiProblem.invalidField("deliveredOn", "must not be in the future");
        }
        if (serialTaken(request.sku(), request.serial())) {
            throw ApiProblem.conflict("duplicate-serial", "Serial already registered",
                    "Serial " + request.serial() + " of model " + request.sku() + " is already registered.", null)
                    .field("serial", "already registered");
        }
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.partnerId = partnerId;
        device.customerId = request.customerId();
        device.serial = request.serial();
        device.sku = request.sku();
        device.deliveredOn = request.deliveredOn();
        device.status = DeviceStatus.REGISTERED;
        device.registeredAt = clock.instant();
        devices.persist(device);
        outbox.publish(new DeviceRegistered(device.serial, device.sku, partnerId, device.customerId, device.deliveredOn, null));
        audit.recordStaffChange("device.registered", "Device", device.serial, null, request);
        return device;
    }

    /**
     * Uniqueness is global, not per partner: checked without the partner filter (a count only, nothing of the other
     * partner's row is revealed beyond "taken"), and guarded by the unique constraint.
     */
    private boolean serialTaken(String sku, String serial) {
        return ((Number) em.createNativeQuery("select count(*) from device where sku = ?1 and serial = ?2")
                .setParameter(1, sku).setParameter(2, serial).getSingleResult()).longValue() > 0;
    }
}
