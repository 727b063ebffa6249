package com.poly.daas.contract.service;

import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.CoverageEndReason;
import com.poly.daas.contract.domain.CoveragePeriod;
import com.poly.daas.contract.domain.CoverageStatus;
import com.poly.daas.contract.domain.DeliveryFact;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.persistence.ContractRepository;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.events.rmas.ReplacementShipped;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import com.poly.daas.events.CoverageDay;
import com.poly.daas.platform.inbox.NotYetApplicableException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * Coverage changes driven by other services' events: delivery dates from the registry (P3) and advance replacements
 * from the RMA service (P4). Runs inside the inbox transaction of the consumer.
 */
@ApplicationScoped
public class CoverageLedger {
    @Inject
    CoverageRepository coverages;
    @Inject
    ContractRepository contracts;
    @Inject
    CoverageEvents events;
    @Inject
    Clock clock;
    @Inject
    jakarta.persistence.EntityManager em;

    /**
     * P3: the delivery date of a serial became known (or was corrected). Recorded for later enrolments; an enrolled
     * device gets its period (start = delivery, end = start + term) and DeviceEnrolled is published again with it.
     * P4: a replacement keeps its inherited period whatever its own delivery date.
     */
    @Transactional
    /** Issue 9: the serial is registered to this partner's customer (a later registration of the serial replaces it). */
    public void registered(String serial, String sku, String partnerId, String customerId) {
        if (serial == null || sku == null || partnerId == null || customerId == null) {
            throw new IllegalArgumentException("DeviceRegistered without serial, sku, partner or customer");
        }
        em.createNativeQuery("""
                        insert into registered_device (serial, sku, partner_id, customer_id, registered_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (serial) do update set sku = excluded.sku, partner_id = excluded.partner_id,
                            customer_id = excluded.customer_id, registered_at = excluded.registered_at""")
                .setParameter(1, serial).setParameter(2, sku).setParameter(3, partnerId).setParameter(4, customerId)
                .setParameter(5, java.sql.Timestamp.from(clock.instant())).executeUpdate();
    }

    public void deliveryReported(String serial, String sku, String partnerId, LocalDate deliveredOn) {
        if (serial == null || serial.isBlank() || deliveredOn == null) {
            throw new IllegalArgumentException("delivery event without serial or deliveredOn");
        }
        DeliveryFact fact = DeliveryFact.findById(serial);
        boolean known = fact != null;
        if (!known) {
            fact = new DeliveryFact();
            fact.serial = serial;
        }
        fact.sku = sku;
        fact.partnerId = partnerId;
        fact.deliveredOn = deliveredOn;
        fact.updatedAt = clock.instant();
        if (!known) {
            fact.persist();
        }

        DeviceCoverage device = coverages.openBySerial(serial).orElse(null);
        if (device == null || (sku != null && !sku.equals(device.sku))
                || (partnerId != null && !partnerId.equals(device.partnerId))) {
            return; // another partner's report never moves this coverage (issue 9)
        }
        device.deliveredOn = deliveredOn;
        if (device.isReplacement() && device.coverageStart != null) {
            return; // P4: never restarts or extends coverage
        }
        Contract contract = contracts.findById(device.contractId);
        CoveragePeriod period = CoveragePeriod.fromDelivery(deliveredOn, contract.termMonths);
        if (period.equals(device.period())) {
            return;
        }
        device.setPeriod(period);
        events.enrolled(contract, device);
    }

    /**
     * P4: the replacement inherits the period of the device it replaces (hence of the first original of a chain) and
     * the original's coverage ends the day the replacement ships (reason REPLACED).
     */
    @Transactional
    public void replacementShipped(ReplacementShipped event) {
        require(event.originalSerial(), "originalSerial");
        require(event.replacementSerial(), "replacementSerial");
        // not yet applicable (parked, re-applied later): the original's enrolment may not have reached us yet
        // one statement for both serials (issue 16, event path): the open coverages of the original and the replacement;
        // two scalar parameters, not "serial in ?1": Hibernate never caches the translation of a query bound to a list
        java.util.List<DeviceCoverage> open = coverages.find("(serial = ?1 or serial = ?2) and status <> ?3",
                event.originalSerial(), event.replacementSerial(), CoverageStatus.ENDED).list();
        DeviceCoverage original = open.stream().filter(c -> c.serial.equals(event.originalSerial())).findFirst().orElseThrow(() ->
                new NotYetApplicableException("no open coverage for original serial " + event.originalSerial()));
        if (event.partnerId() != null && !event.partnerId().equals(original.partnerId)) {
            throw new IllegalArgumentException("original serial " + event.originalSerial() + " is not under contract with partner "
                    + event.partnerId());
        }
        if (event.contractId() != null && !event.contractId().equals(original.contractId.toString())) {
            throw new IllegalArgumentException("original serial " + event.originalSerial() + " is not in contract " + event.contractId());
        }
        if (open.stream().anyMatch(c -> c.serial.equals(event.replacementSerial()))) {
            throw new IllegalArgumentException("replacement serial " + event.replacementSerial() + " is already under contract");
        }
        Contract contract = contracts.findById(original.contractId);
        // P4 decision: the original's coverage ends on the shipment's calendar day at the customer's site
        LocalDate shippedOn = CoverageDay.of(event.shippedAt() == null ? clock.instant() : event.shippedAt(), event.customerTimeZone());

        DeviceCoverage replacement = new DeviceCoverage();
        replacement.id = UUID.randomUUID();
        replacement.partnerId = original.partnerId;
        replacement.contractId = original.contractId;
        replacement.customerId = original.customerId;
        replacement.serial = event.replacementSerial();
        replacement.sku = Objects.requireNonNullElse(event.sku(), original.sku);
        replacement.option = original.option;
        replacement.replacesSerial = original.serial;
        replacement.originalSerial = original.originalSerial;
        replacement.enrolledAt = clock.instant();
        replacement.status = CoverageStatus.AWAITING_DELIVERY;
        replacement.setPeriod(original.period());

        original.end(shippedOn, CoverageEndReason.REPLACED);
        coverages.persist(replacement);
        events.ended(original);
        events.enrolled(contract, replacement);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("ReplacementShipped without " + field);
        }
    }
}
