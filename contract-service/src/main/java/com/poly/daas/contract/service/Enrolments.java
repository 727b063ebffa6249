package com.poly.daas.contract.service;

import com.poly.daas.contract.api.ContractViews.DeviceToEnrol;
import com.poly.daas.contract.api.ContractViews.Enrolment;
import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.CoverageOption;
import com.poly.daas.contract.domain.CoveragePeriod;
import com.poly.daas.contract.domain.CoverageStatus;
import com.poly.daas.contract.domain.DeliveryFact;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.domain.EnrolmentEligibility;
import com.poly.daas.contract.domain.ModelFact;
import com.poly.daas.contract.persistence.ContractRepository;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.security.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Device enrolment: the time of sale (P3, P6, E1, E3). A request is validated as a whole: all devices or none. */
@ApplicationScoped
public class Enrolments {
    @Inject
    ContractRepository contracts;
    @Inject
    CoverageRepository coverages;
    @Inject
    PartnerDirectory partners;
    @Inject
    CoverageEvents events;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @Transactional
    public List<DeviceCoverage> enrol(String contractId, Enrolment request) {
        Contract contract = contracts.byId(contractId).orElseThrow(() -> ApiProblem.notFound("contract", contractId));
        if (!contract.status.acceptsEnrolments()) {
            throw ApiProblem.conflict("contract-closed", "Contract does not accept enrolments",
                    "Contract " + contractId + " is " + contract.status + "; devices can be enrolled in DRAFT or ACTIVE contracts.", null);
        }
        partners.requireActive(contract.partnerId);
        LocalDate today = LocalDate.now(clock);
        List<DeviceToEnrol> devices = request.devices();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < devices.size(); i++) {
            DeviceToEnrol device = devices.get(i);
            String at = "devices[" + i + "].";
            if (!seen.add(device.serial())) {
                throw ApiProblem.invalidField(at + "serial", "serial " + device.serial() + " is listed twice");
            }
            if (device.deliveredOn() != null && device.deliveredOn().isAfter(today)) {
                throw ApiProblem.invalidField(at + "deliveredOn", "must not be in the future");
            }
            requireRegisteredTo(contract, at, device);
            requireEnrollable(at, device);
            requireNotEnrolled(at, device);
            LocalDate delivered = deliveredOn(device);
            if (delivered != null && !CoveragePeriod.fromDelivery(delivered, contract.termMonths).end().isAfter(today)) {
                throw ApiProblem.ruleViolation("P3", "period-already-over", "Service period already over",
                        "Delivered on " + delivered + ", the " + contract.termMonths + "-month period of " + device.serial()
                                + " is already over.").field(at + "deliveredOn", "period already over (P3)");
            }
        }
        List<DeviceCoverage> enrolled = new ArrayList<>();
        claimSerials(devices);
        for (DeviceToEnrol device : devices) {
            DeviceCoverage row = new DeviceCoverage();
            row.id = UUID.randomUUID();
            row.partnerId = contract.partnerId;
            row.contractId = contract.id;
            row.customerId = contract.customerId;
            row.serial = device.serial();
            row.sku = device.sku();
            row.option = device.option();
            row.originalSerial = device.serial();
            row.enrolledAt = clock.instant();
            row.deliveredOn = deliveredOn(device);
            row.status = CoverageStatus.AWAITING_DELIVERY;
            row.setPeriod(row.deliveredOn == null ? null : CoveragePeriod.fromDelivery(row.deliveredOn, contract.termMonths));
            coverages.persist(row);
            events.enrolled(contract, row);
            enrolled.add(row);
        }
        audit.recordStaffChange("devices.enrolled", "Contract", contractId, null, request);
        return enrolled;
    }

    /**
     * Issue 9: only a serial registered (in the registry, learnt from its DeviceRegistered events) to the contract's own
     * partner and customer can be enrolled. A serial registered elsewhere is refused exactly as an unknown one, so the
     * refusal never says that it exists for someone else.
     */
    private void requireRegisteredTo(Contract contract, String at, DeviceToEnrol device) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select partner_id, customer_id, sku from registered_device where serial = ?1")
                .setParameter(1, device.serial()).getResultList();
        boolean ours = rows.size() == 1 && contract.partnerId.equals(rows.get(0)[0])
                && contract.customerId.toString().equals(rows.get(0)[1]);
        if (!ours) {
            throw new ApiProblem(422, "device-not-registered", "Device not registered to this customer",
                    "No device with serial " + device.serial() + " is registered to this contract's customer; register it "
                            + "in the device registry first (the registration reaches contracts within seconds).", null)
                    .field(at + "serial", "not registered to this contract's customer");
        }
        if (!device.sku().equals(rows.get(0)[2])) {
            throw ApiProblem.invalidField(at + "sku", "serial " + device.serial() + " is registered as another model");
        }
    }

    /**
     * One open enrolment per serial, decided in the database: each serial is claimed with a transaction advisory lock,
     * in sorted order (no deadlock between two requests naming the same serials), then checked again. A concurrent
     * enrolment of the same serial waits for the winner's commit and gets 409 before any row or event of its own is
     * written; the unique index on open enrolments stays as the last guard.
     */
    private void claimSerials(List<DeviceToEnrol> devices) {
        for (String serial : devices.stream().map(DeviceToEnrol::serial).sorted().toList()) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('enrol:' || ?1))").setParameter(1, serial)
                    .getSingleResult();
        }
        for (int i = 0; i < devices.size(); i++) {
            requireNotEnrolled("devices[" + i + "].", devices.get(i));
        }
    }

    /** E1: the option is chosen at the time of sale; it can never be added (or changed) afterwards. */
    public DeviceCoverage changeOption(String contractId, String serial, CoverageOption option) {
        Contract contract = contracts.byId(contractId).orElseThrow(() -> ApiProblem.notFound("contract", contractId));
        DeviceCoverage device = coverages.inContract(contract.id, serial).orElseThrow(() -> ApiProblem.notFound("device", serial));
        if (device.option != option) {
            throw ApiProblem.conflict("option-fixed-at-sale", "Coverage option cannot change after the sale",
                    "Extended coverage can only be chosen when the device is enrolled (time of sale); " + serial
                            + " was enrolled with " + device.option + ".", "E1").field("option", "fixed at enrolment (E1)");
        }
        return device;
    }

    private void requireEnrollable(String at, DeviceToEnrol device) {
        ModelFact model = ModelFact.findById(device.sku());
        EnrolmentEligibility.check(model, device.option()).ifPresent(refusal -> {
            throw switch (refusal) {
                case UNKNOWN_MODEL -> ApiProblem.invalidField(at + "sku", "unknown model " + device.sku());
                case NOT_ELIGIBLE -> ApiProblem.ruleViolation("P3", "model-not-eligible", "Model not eligible",
                        device.sku() + " is not sold as a Device-as-a-Service.").field(at + "sku", "not DaaS-eligible");
                case END_OF_SALE -> ApiProblem.ruleViolation("P6", "model-end-of-sale", "Model withdrawn from the programme",
                        "End-of-sale of " + device.sku() + " was announced on " + model.endOfSaleAnnouncedOn
                                + ": new enrolments are refused from the announcement on.").field(at + "sku", "end-of-sale announced (P6)");
                case EXTENDED_NEEDS_VOICE -> ApiProblem.ruleViolation("E3", "extended-needs-voice", "Extended coverage only for voice devices",
                        device.sku() + " (" + model.category + ") is not a voice device; extended coverage is for desk phones, "
                                + "conference phones and headsets.").field(at + "option", "EXTENDED needs a voice model (E3)");
            };
        });
    }

    /** A serial is enrolled at most once at a time, whoever enrolled it (counted without the partner filter). */
    private void requireNotEnrolled(String at, DeviceToEnrol device) {
        @SuppressWarnings("unchecked")
        List<String> options = em.createNativeQuery(
                        "select coverage_option from device_coverage where serial = ?1 and status <> 'ENDED'")
                .setParameter(1, device.serial()).getResultList();
        if (!options.isEmpty()) {
            boolean addingExtended = device.option() == CoverageOption.EXTENDED && !CoverageOption.EXTENDED.name().equals(options.get(0));
            throw ApiProblem.conflict("already-enrolled", "Serial already enrolled",
                    "Serial " + device.serial() + " is already under contract"
                            + (addingExtended ? "; extended coverage cannot be added after the sale." : "."),
                    addingExtended ? "E1" : null).field(at + "serial", "already enrolled");
        }
    }

    /** P3: the date given now, else the one the registry reported earlier. */
    private LocalDate deliveredOn(DeviceToEnrol device) {
        if (device.deliveredOn() != null) {
            return device.deliveredOn();
        }
        DeliveryFact fact = DeliveryFact.findById(device.serial());
        return fact != null && (fact.sku == null || fact.sku.equals(device.sku())) ? fact.deliveredOn : null;
    }
}
