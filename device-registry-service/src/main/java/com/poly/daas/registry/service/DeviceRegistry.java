package com.poly.daas.registry.service;

import com.poly.daas.events.registry.DeviceDeliveryReported;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.events.registry.DeviceStatusChanged;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.DeviceViews.NewDevice;
import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.domain.DeviceStatusChange;
import com.poly.daas.registry.persistence.DeviceRepository;
import com.poly.daas.registry.persistence.ModelRepository;
import com.poly.daas.platform.inbox.NotYetApplicableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Use cases of the serial registry. Each state change, its status history row and its event commit together. */
@ApplicationScoped
public class DeviceRegistry {
    private static final Logger LOG = Logger.getLogger(DeviceRegistry.class);

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
    @Inject
    TrustBoundary trust;

    /** A device sold to one of the partner's own customers (issue 9: the customer is checked against the replica). */
    @Transactional
    public Device register(NewDevice request, String partnerId) {
        trust.customerOf(partnerId, request.customerId(), "customerId");
        models.bySku(request.sku()).orElseThrow(() -> ApiProblem.invalidField("sku", "unknown model " + request.sku()));
        if (request.deliveredOn() != null && request.deliveredOn().isAfter(LocalDate.now(clock))) {
            throw ApiProblem.invalidField("deliveredOn", "must not be in the future");
        }
        if (serialTaken(request.serial())) {
            throw ApiProblem.conflict("duplicate-serial", "Serial already registered",
                    "Serial " + request.serial() + " is already registered.", null)
                    .field("serial", "already registered");
        }
        Device device = newDevice(partnerId, request.customerId(), request.serial(), request.sku(), request.deliveredOn(), null);
        audit.recordStaffChange("device.registered", "Device", device.serial, null, request);
        return device;
    }

    private Device newDevice(String partnerId, String customerId, String serial, String sku, LocalDate deliveredOn,
                             String replacesSerial) {
        Device device = new Device();
        device.id = UUID.randomUUID();
        device.partnerId = partnerId;
        device.customerId = customerId;
        device.serial = serial;
        device.sku = sku;
        device.deliveredOn = deliveredOn;
        device.status = DeviceStatus.REGISTERED;
        device.replacesSerial = replacesSerial;
        device.registeredAt = clock.instant();
        devices.persist(device);
        DeviceStatusChange.of(device, null, DeviceStatus.REGISTERED,
                replacesSerial == null ? "registered" : "advance replacement of " + replacesSerial, device.registeredAt).persist();
        outbox.publish(new DeviceRegistered(serial, sku, partnerId, customerId, deliveredOn, replacesSerial));
        return device;
    }

    /**
     * P3: reports or corrects the distributor's delivery date, which starts the device's service period. Not in the
     * future. Requires If-Match. Publishes DeviceDeliveryReported (contract-service starts or moves the period).
     */
    @Transactional
    public Device reportDelivery(String serial, String sku, LocalDate deliveredOn, String ifMatch) {
        Device device = devices.bySerial(serial, sku).orElseThrow(() -> ApiProblem.notFound("device", serial));
        ETags.requireMatch(ifMatch, device.version);
        if (deliveredOn.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.invalidField("deliveredOn", "must not be in the future");
        }
        if (device.status.terminal() || device.status == DeviceStatus.IN_RETURN) {
            throw ApiProblem.ruleViolation("P3", "device-out-of-service", "Device no longer in service",
                    "Device " + serial + " is " + device.status + "; its delivery date can no longer change.").field("serial", "is " + device.status);
        }
        LocalDate before = device.deliveredOn;
        device.deliveredOn = deliveredOn;
        em.flush();
        outbox.publish(new DeviceDeliveryReported(device.serial, device.sku, device.partnerId, deliveredOn));
        audit.recordStaffChange("device.delivery-reported", "Device", serial, Map.of("deliveredOn", String.valueOf(before)),
                Map.of("deliveredOn", deliveredOn.toString()));
        return device;
    }

    /** A partner or agent puts a device into service or retires it; RMA moves (IN_RETURN, POLY_PROPERTY) come from events. */
    @Transactional
    public Device changeStatus(String serial, String sku, DeviceStatus target, String reason, String ifMatch) {
        Device device = devices.bySerial(serial, sku).orElseThrow(() -> ApiProblem.notFound("device", serial));
        ETags.requireMatch(ifMatch, device.version);
        if (!DeviceStatus.MANUAL_TARGETS.contains(target)) {
            throw ApiProblem.ruleViolation("A2", "status-set-by-rma", "Status set by the replacement process only",
                    target + " is set by the advance-replacement process (A1, A2), not by hand.").field("status", "must be IN_SERVICE or RETIRED");
        }
        move(device, target, reason == null || reason.isBlank() ? "changed by " + target.name().toLowerCase() : reason);
        em.flush();
        return device;
    }

    private void move(Device device, DeviceStatus target, String reason) {
        if (!device.status.canMoveTo(target)) {
            throw ApiProblem.ruleViolation(target == DeviceStatus.POLY_PROPERTY ? "A2" : null, "status-transition-refused",
                    "Status change not allowed", "Device " + device.serial + " cannot move from " + device.status + " to " + target + ".")
                    .field("status", "cannot move from " + device.status);
        }
        DeviceStatus previous = device.status;
        device.status = target;
        var at = clock.instant();
        DeviceStatusChange.of(device, previous, target, reason, at).persist();
        outbox.publish(new DeviceStatusChanged(device.serial, device.sku, device.partnerId, previous.name(), target.name(), at));
        audit.recordStaffChange("device.status-changed", "Device", device.serial, Map.of("status", previous.name()),
                Map.of("status", target.name(), "reason", reason));
    }

    /**
     * P4, A3: an advance replacement shipped. The replacement serial is registered to the same partner and customer,
     * linked to the original (replacesSerial); the original moves to IN_RETURN until its unit is received. Applied
     * once per event by the inbox; a replacement already registered (e.g. by the partner's ERP) is only linked.
     */
    @Transactional
    public void replacementShipped(ReplacementShipped e) {
        if (e.sku() == null || e.originalSerial() == null || e.replacementSerial() == null || e.partnerId() == null) {
            throw new IllegalArgumentException("ReplacementShipped " + e.rmaId() + " lacks sku, serials or partner");
        }
        models.bySku(e.sku()).orElseThrow(() -> new NotYetApplicableException("ReplacementShipped " + e.rmaId() + ": unknown model " + e.sku()));
        // one statement for both serials (issue 16, event path); two scalar parameters, not "serial in ?2": Hibernate
        // never caches the translation of a query bound to a list
        java.util.List<Device> known = devices.find("sku = ?1 and (serial = ?2 or serial = ?3)", e.sku(),
                e.originalSerial(), e.replacementSerial()).list();
        Device original = known.stream().filter(d -> d.serial.equals(e.originalSerial())).findFirst().orElse(null);
        if (original != null && !original.partnerId.equals(e.partnerId())) {
            throw new IllegalArgumentException("ReplacementShipped " + e.rmaId() + ": original " + e.originalSerial()
                    + " belongs to another partner");
        }
        String customerId = e.customerId() != null ? e.customerId() : original != null ? original.customerId : null;
        if (customerId == null) {
            throw new IllegalArgumentException("ReplacementShipped " + e.rmaId() + ": no customer for the replacement");
        }
        Device replacement = known.stream().filter(d -> d.serial.equals(e.replacementSerial())).findFirst().orElse(null);
        if (replacement == null) {
            newDevice(e.partnerId(), customerId, e.replacementSerial(), e.sku(), null, e.originalSerial());
        } else if (!replacement.partnerId.equals(e.partnerId())) {
            throw new IllegalArgumentException("ReplacementShipped " + e.rmaId() + ": replacement " + e.replacementSerial()
                    + " is registered to another partner");
        } else if (replacement.replacesSerial == null) {
            replacement.replacesSerial = e.originalSerial();
        }
        if (original == null) {
            LOG.warnf("ReplacementShipped %s: original %s/%s is not in the registry; replacement registered, nothing to return",
                    e.rmaId(), e.sku(), e.originalSerial());
        } else if (original.status.canMoveTo(DeviceStatus.IN_RETURN)) {
            move(original, DeviceStatus.IN_RETURN, "advance replacement " + e.replacementSerial() + " shipped (RMA " + e.rmaId() + ")");
        }
    }

    /** A2: the defective unit reached the service centre and becomes Poly's property. */
    @Transactional
    public void defectiveUnitReceived(DefectiveUnitReceived e) {
        // not yet applicable (parked, re-applied later): the device's registration may still be on its way
        Device original = devices.bySkuAndSerial(e.sku(), e.originalSerial()).orElseThrow(() -> new NotYetApplicableException(
                "DefectiveUnitReceived " + e.rmaId() + ": unknown device " + e.sku() + "/" + e.originalSerial()));
        if (original.status == DeviceStatus.POLY_PROPERTY) {
            return;
        }
        move(original, DeviceStatus.POLY_PROPERTY, "defective unit received on " + e.receivedOn() + " (RMA " + e.rmaId() + ")");
    }

    /**
     * Serials are unique worldwide, whatever the model and the partner: checked without the partner filter (a count
     * only, nothing of the other partner's row is revealed beyond "taken": docs/security.md), and guarded by the
     * unique index.
     */
    private boolean serialTaken(String serial) {
        return ((Number) em.createNativeQuery("select count(*) from device where serial = ?1")
                .setParameter(1, serial).getSingleResult()).longValue() > 0;
    }
}
