package com.poly.daas.rma.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.rma.api.RmaViews.NewRma;
import com.poly.daas.rma.api.RmaViews.ReturnReceipt;
import com.poly.daas.rma.api.RmaViews.Shipment;
import com.poly.daas.rma.config.RmaPolicy;
import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaCause;
import com.poly.daas.rma.domain.RmaStatus;
import com.poly.daas.rma.persistence.CoveredDeviceRepository;
import com.poly.daas.rma.persistence.RmaRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of advance replacement (A1-A3, E2, E4). Each state change and its event commit together (outbox). */
@ApplicationScoped
public class AdvanceReplacements {
    @Inject
    RmaRepository rmas;
    @Inject
    CoveredDeviceRepository coverage;
    @Inject
    Calendars calendars;
    @Inject
    RmaPolicy policy;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * Authorises an advance replacement. Refusals, in this order: E4 (never covered), P3 (not covered today per the
     * replica), E2 (liquid/drop without the extended option). A1: the ship date follows the centre's cut-off.
     */
    @Transactional
    public Rma authorise(NewRma request, String partnerId) {
        RmaCause cause = request.cause();
        if (cause.cover() == RmaCause.Cover.NEVER) {
            throw ApiProblem.ruleViolation("E4", "cause-never-covered", "Cause never covered",
                    cause + " is never covered, with or without the extended option: fire, intentional damage, normal "
                            + "wear and tear, cosmetic change, theft and loss are excluded (E4).").field("cause", "never covered (E4)");
        }
        BusinessCalendar customer = calendars.customer(request.shipTo().country(), request.shipTo().subdivision(),
                request.shipTo().timeZone());
        Calendars.Centre centre = calendars.centreFor(customer.key().country());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate today = now.atZone(customer.zone()).toLocalDate();
        CoveredDevice device = coveredToday(request.serial(), partnerId, today);
        if (cause.cover() == RmaCause.Cover.EXTENDED_ONLY && !device.extended()) {
            throw ApiProblem.ruleViolation("E2", "cause-needs-extended-option", "Cause needs the extended coverage option",
                    cause + " is covered only with the extended option (E2); device " + device.serial
                            + " has the " + device.option + " option under contract " + device.contractId + ".")
                    .field("cause", "needs the extended option (E2)");
        }
        Rma rma = new Rma();
        rma.id = UUID.randomUUID();
        rma.partnerId = partnerId;
        rma.customerId = device.customerId;
        rma.contractId = device.contractId;
        rma.serial = device.serial;
        rma.sku = device.sku;
        rma.cause = cause;
        rma.ticketId = request.ticketId();
        rma.shipToCountry = customer.key().country();
        rma.shipToSubdivision = customer.key().subdivision();
        rma.shipToZone = customer.zone().getId();
        rma.serviceCentre = centre.code();
        rma.status = RmaStatus.AUTHORISED;
        rma.authorisedAt = now;
        rma.authorisedBy = caller.id();
        rma.shipDate = centre.calendar().shipDate(now, policy.shipCutOff());
        rma.expectedDeliveryOn = customer.nextBusinessDay(rma.shipDate);
        rmas.persist(rma);
        outbox.publish(new RmaAuthorised(rma.id.toString(), partnerId, rma.customerId, rma.contractId, rma.serial,
                rma.sku, cause.name(), rma.ticketId, now, rma.shipDate));
        audit.recordStaffChange("rma.authorised", "Rma", rma.id.toString(), null, request);
        return rma;
    }

    /** A1/A3: the replacement ships; the return clock starts with a provisional due date. */
    @Transactional
    public Rma ship(UUID id, Shipment request, String ifMatch) {
        Rma rma = find(id);
        ETags.requireMatch(ifMatch, rma.version);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BusinessCalendar customer = customerCalendar(rma);
        LocalDate shippedOn = now.atZone(calendars.centreFor(rma.shipToCountry).calendar().zone()).toLocalDate();
        LocalDate expectedDelivery = customer.nextBusinessDay(shippedOn);
        LocalDate returnDue = customer.addBusinessDays(expectedDelivery, policy.returnBusinessDays());
        RmaStatus before = rma.status;
        rma.ship(request.replacementSerial(), now, expectedDelivery, returnDue);
        outbox.publish(new ReplacementShipped(rma.id.toString(), rma.partnerId, rma.customerId, rma.contractId, rma.serial,
                rma.replacementSerial, rma.sku, now, expectedDelivery, returnDue));
        audit.recordStaffChange("rma.shipped", "Rma", rma.id.toString(), before, request);
        rmas.flush();
        return rma;
    }

    /** A2/A3: the defective unit is back; it becomes Poly's property. */
    @Transactional
    public Rma receiveDefectiveUnit(UUID id, ReturnReceipt request, String ifMatch) {
        Rma rma = find(id);
        ETags.requireMatch(ifMatch, rma.version);
        LocalDate centreToday = clock.instant().atZone(calendars.centreFor(rma.shipToCountry).calendar().zone()).toLocalDate();
        LocalDate receivedOn = request.receivedOn() == null ? centreToday : request.receivedOn();
        if (receivedOn.isAfter(centreToday)) {
            throw ApiProblem.invalidField("receivedOn", "must not be in the future");
        }
        if (rma.shippedAt != null && receivedOn.isBefore(rma.shippedAt.atZone(customerCalendar(rma).zone()).toLocalDate())) {
            throw ApiProblem.invalidField("receivedOn", "must not be before the replacement shipped");
        }
        RmaStatus before = rma.status;
        rma.receiveDefectiveUnit(receivedOn);
        outbox.publish(new DefectiveUnitReceived(rma.id.toString(), rma.partnerId, rma.serial, rma.sku, receivedOn));
        audit.recordStaffChange("rma.defective-unit-received", "Rma", rma.id.toString(), before, request);
        rmas.flush();
        return rma;
    }

    private Rma find(UUID id) {
        return rmas.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("RMA", id.toString()));
    }

    private BusinessCalendar customerCalendar(Rma rma) {
        return calendars.customer(rma.shipToCountry, rma.shipToSubdivision, rma.shipToZone);
    }

    /** P3 (and P6: coverage already granted is kept): the device's coverage for this partner that covers today. */
    private CoveredDevice coveredToday(String serial, String partnerId, LocalDate today) {
        List<CoveredDevice> known = coverage.bySerial(serial).stream().filter(c -> c.partnerId.equals(partnerId)).toList();
        return known.stream().filter(c -> c.covers(today)).findFirst().orElseThrow(() -> {
            String why;
            if (known.isEmpty()) {
                why = "no coverage of device " + serial + " is known for partner " + partnerId;
            } else {
                CoveredDevice latest = known.get(0);
                if (latest.coverageStart == null) {
                    why = "its delivery date is not reported yet, so its service period has not started";
                } else if (today.isBefore(latest.coverageStart)) {
                    why = "its service period starts on " + latest.coverageStart;
                } else if (latest.endedOn != null && !today.isBefore(latest.endedOn)) {
                    why = "its coverage ended on " + latest.endedOn + " (" + latest.endReason + ")";
                } else {
                    why = "its service period ended on " + latest.coverageEnd;
                }
            }
            return ApiProblem.ruleViolation("P3", "device-not-covered", "Device not covered",
                    "Device " + serial + " is not covered on " + today + ": " + why + ".").field("serial", "not covered");
        });
    }
}
