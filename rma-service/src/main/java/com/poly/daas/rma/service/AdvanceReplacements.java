package com.poly.daas.rma.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.Region;
import com.poly.daas.events.CoverageDay;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReplacementDelivered;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.events.rmas.RmaRefused;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.rma.api.RmaViews.Delivery;
import com.poly.daas.rma.api.RmaViews.ReturnReceipt;
import com.poly.daas.rma.api.RmaViews.Shipment;
import com.poly.daas.rma.config.RmaPolicy;
import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.domain.FailureReport;
import com.poly.daas.rma.domain.RegisteredDevice;
import com.poly.daas.rma.domain.Rejection;
import com.poly.daas.rma.domain.ReplacementPolicies;
import com.poly.daas.rma.domain.ReplacementRequest;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaCause;
import com.poly.daas.rma.domain.RmaStatus;
import com.poly.daas.rma.persistence.CoveredDeviceRepository;
import com.poly.daas.rma.persistence.RmaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Use cases of advance replacement (S3 → A1–A4). Each state change and its event commit together (outbox). The
 * decision itself is {@link ReplacementPolicies}; "today" for coverage is the calendar day in the customer's site
 * time zone (P4 decision, docs/decisions.md).
 */
@ApplicationScoped
public class AdvanceReplacements {
    private static final Logger LOG = Logger.getLogger(AdvanceReplacements.class);
    /** The partial unique index behind "one open RMA per device". */
    static final String ONE_OPEN_PER_DEVICE = "rma_one_open_per_device";

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
    @Inject
    EntityManager em;

    /** Who asks for the replacement and for which site. */
    public record Order(String serial, String partnerId, RmaCause cause, String siteCountry, String siteSubdivision,
                        String siteZone, String ticketId, String origin, String agentReason) {
    }

    /** Either the authorised RMA or the rejection (rule id + reason). */
    public record Outcome(Rma rma, Rejection rejection) {
        public boolean authorised() {
            return rma != null;
        }
    }

    /**
     * Decides and, when allowed, authorises (A1 ship date by the centre's cut-off). Runs in the caller's
     * transaction; a rejection writes nothing. A concurrent request that wins the one-open-RMA index makes this one
     * a rejection naming the winner (the transaction is then rolled back by the caller).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome authorise(Order order) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<CoveredDevice> known = coverage.bySerial(order.serial()).stream()
                .filter(c -> c.partnerId.equals(order.partnerId())).toList();
        boolean inRegion = order.siteCountry() != null && Region.of(order.siteCountry()).isPresent();
        BusinessCalendar customer = inRegion
                ? calendars.customer(order.siteCountry(), order.siteSubdivision(), order.siteZone()) : null;
        // P4 decision: the coverage day is the customer's calendar day (one rule with contract-service: CoverageDay)
        LocalDate today = CoverageDay.of(now, customer == null ? null : customer.zone().getId());
        ReplacementRequest request = new ReplacementRequest(order.serial(), order.partnerId(), order.cause(),
                order.siteCountry(), today, known, rmas.openFor(order.serial()).map(r -> r.id.toString()));
        Optional<Rejection> rejection = ReplacementPolicies.decide(request);
        if (rejection.isPresent()) {
            return new Outcome(null, rejection.get());
        }
        CoveredDevice device = request.coveringToday().orElseThrow();
        Calendars.Centre centre = calendars.centreFor(customer.key().country());
        Rma rma = new Rma();
        rma.id = UUID.randomUUID();
        rma.partnerId = order.partnerId();
        rma.customerId = device.customerId;
        rma.contractId = device.contractId;
        rma.serial = device.serial;
        rma.sku = device.sku;
        rma.cause = order.cause();
        rma.ticketId = order.ticketId();
        rma.origin = order.origin();
        rma.agentReason = order.agentReason();
        rma.shipToCountry = customer.key().country();
        rma.shipToSubdivision = customer.key().subdivision();
        rma.shipToZone = customer.zone().getId();
        rma.serviceCentre = centre.code();
        rma.returnAddress = centre.returnAddress();
        rma.status = RmaStatus.AUTHORISED;
        rma.authorisedAt = now;
        rma.authorisedBy = caller.id();
        rma.shipDate = centre.calendar().shipDate(now, policy.shipCutOff());
        rma.expectedDeliveryOn = customer.nextBusinessDay(rma.shipDate);
        rmas.persist(rma);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (!String.valueOf(rootMessage(e)).contains(ONE_OPEN_PER_DEVICE)) {
                throw e;
            }
            String open = QuarkusTransaction.requiringNew().call(() -> rmas.openFor(order.serial()).map(r -> r.id.toString()))
                    .orElse("(just closed)");
            return new Outcome(null, ReplacementPolicies.ONE_OPEN_RMA_PER_DEVICE.check(new ReplacementRequest(order.serial(),
                    order.partnerId(), order.cause(), order.siteCountry(), today, known, Optional.of(open))).orElseThrow());
        }
        outbox.publish(new RmaAuthorised(rma.id.toString(), rma.partnerId, rma.customerId, rma.contractId, rma.serial,
                rma.sku, rma.cause.name(), rma.ticketId, now, rma.shipDate));
        audit.recordStaffChange("rma.authorised", "Rma", rma.id.toString(), null, order);
        return new Outcome(rma, null);
    }

    /**
     * S3 → A1: a ticket's confirmed hardware failure opens the RMA or is refused ({@code RmaRefused}, rule + reason).
     * Once per ticket: a replayed or redelivered event (any event id) finds the ticket's report and changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hardwareFailureConfirmed(HardwareFailureConfirmed e) {
        if (e.ticketId() == null || e.ticketId().isBlank() || e.serial() == null || e.partnerId() == null || e.cause() == null) {
            throw new IllegalArgumentException("HardwareFailureConfirmed without ticketId, serial, partnerId or cause");
        }
        if (em.find(FailureReport.class, e.ticketId()) != null) {
            LOG.debugf("Ticket %s already decided; replayed HardwareFailureConfirmed ignored", e.ticketId());
            return;
        }
        RmaCause cause;
        try {
            cause = RmaCause.valueOf(e.cause());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("HardwareFailureConfirmed " + e.ticketId() + ": unknown cause " + e.cause());
        }
        String country = e.siteCountry();
        String subdivision = e.siteSubdivision();
        String zone = e.timeZone();
        if (!e.hasSite()) {
            // schema version 1: no site; the customer's country from the coverage replica, the region centre's zone
            Optional<CoveredDevice> known = coverage.bySerial(e.serial()).stream()
                    .filter(c -> c.partnerId.equals(e.partnerId()) && c.customerCountry != null).findFirst();
            country = known.map(c -> c.customerCountry).orElse(null);
            subdivision = null;
            zone = country == null || Region.of(country).isEmpty() ? null
                    : calendars.centreFor(country).calendar().zone().getId();
        }
        Outcome outcome = authorise(new Order(e.serial(), e.partnerId(), cause, country, subdivision, zone, e.ticketId(),
                "TICKET", null));
        FailureReport report = new FailureReport();
        report.ticketId = e.ticketId();
        report.partnerId = e.partnerId();
        report.customerId = e.customerId();
        report.serial = e.serial();
        report.cause = e.cause();
        report.siteCountry = country;
        report.siteSubdivision = subdivision;
        report.siteZone = zone;
        report.contractId = e.contractId();
        report.confirmedAt = e.confirmedAt();
        report.decidedAt = clock.instant();
        if (outcome.authorised()) {
            if (outcome.rma().customerId == null) {
                outcome.rma().customerId = e.customerId();
            }
            report.outcome = FailureReport.AUTHORISED;
            report.rmaId = outcome.rma().id;
        } else {
            Rejection r = outcome.rejection();
            if (r.isOpenRma() && "(just closed)".equals(r.openRmaId())) {
                throw new IllegalStateException("open RMA of " + e.serial() + " changed concurrently; retry");
            }
            report.outcome = FailureReport.REFUSED;
            report.refusalRule = r.rule();
            report.refusalReason = r.reason();
            outbox.publish(new RmaRefused(e.ticketId(), e.partnerId(), e.customerId(), e.serial(), e.cause(), r.rule(),
                    r.reason(), r.openRmaId(), report.decidedAt));
        }
        em.persist(report);
    }

    /** A1/A3: the replacement ships (a registered device of the same model); the return clock starts, provisionally. */
    @Transactional
    public Rma ship(UUID id, Shipment request, String ifMatch) {
        Rma rma = find(id);
        ETags.requireMatch(ifMatch, rma.version);
        requireReplacementOfSameModel(rma, request.replacementSerial());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        BusinessCalendar customer = customerCalendar(rma);
        LocalDate shippedOn = now.atZone(calendars.centreFor(rma.shipToCountry).calendar().zone()).toLocalDate();
        LocalDate expectedDelivery = customer.nextBusinessDay(shippedOn);
        LocalDate returnDue = customer.addBusinessDays(expectedDelivery, policy.returnBusinessDays());
        RmaStatus before = rma.status;
        rma.ship(request.replacementSerial(), request.carrier(), request.trackingNumber(), now, expectedDelivery, returnDue);
        outbox.publish(new ReplacementShipped(rma.id.toString(), rma.partnerId, rma.customerId, rma.contractId, rma.serial,
                rma.replacementSerial, rma.sku, now, expectedDelivery, returnDue, rma.ticketId, rma.carrier,
                rma.trackingNumber, rma.shipToZone));
        audit.recordStaffChange("rma.shipped", "Rma", rma.id.toString(), before, request);
        rmas.flush();
        return rma;
    }

    /**
     * A3 decision: the carrier (or an agent) confirms delivery; the due date is re-based on the actual receipt =
     * delivery day + 10 business days of the customer's calendar.
     */
    @Transactional
    public Rma confirmDelivery(UUID id, Delivery request, String ifMatch) {
        Rma rma = find(id);
        ETags.requireMatch(ifMatch, rma.version);
        BusinessCalendar customer = customerCalendar(rma);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate customerToday = now.atZone(customer.zone()).toLocalDate();
        LocalDate deliveredOn = request.deliveredOn() == null ? customerToday : request.deliveredOn();
        if (rma.status == RmaStatus.SHIPPED) {
            if (deliveredOn.isAfter(customerToday)) {
                throw ApiProblem.invalidField("deliveredOn", "must not be in the future (today is " + customerToday
                        + " at the customer's site)");
            }
            LocalDate shippedOn = rma.shippedAt.atZone(customer.zone()).toLocalDate();
            if (deliveredOn.isBefore(shippedOn)) {
                throw ApiProblem.invalidField("deliveredOn", "must not be before the replacement shipped (" + shippedOn + ")");
            }
        }
        RmaStatus before = rma.status;
        rma.confirmDelivery(deliveredOn, customer.addBusinessDays(deliveredOn, policy.returnBusinessDays()), now);
        outbox.publish(new ReplacementDelivered(rma.id.toString(), rma.ticketId, rma.partnerId, rma.customerId, rma.serial,
                rma.replacementSerial, deliveredOn, rma.returnDueOn, now));
        audit.recordStaffChange("rma.delivered", "Rma", rma.id.toString(), before, request);
        rmas.flush();
        return rma;
    }

    /** A2/A3: the defective unit is back; it becomes Poly's property. After an overdue report, a late return (A4). */
    @Transactional
    public Rma receiveDefectiveUnit(UUID id, ReturnReceipt request, String ifMatch) {
        Rma rma = find(id);
        ETags.requireMatch(ifMatch, rma.version);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocalDate centreToday = now.atZone(calendars.centreFor(rma.shipToCountry).calendar().zone()).toLocalDate();
        LocalDate receivedOn = request.receivedOn() == null ? centreToday : request.receivedOn();
        if (RmaStatus.OPEN.contains(rma.status) && rma.status != RmaStatus.AUTHORISED) {
            if (receivedOn.isAfter(centreToday)) {
                throw ApiProblem.invalidField("receivedOn", "must not be in the future");
            }
            if (receivedOn.isBefore(rma.shippedAt.atZone(customerCalendar(rma).zone()).toLocalDate())) {
                throw ApiProblem.invalidField("receivedOn", "must not be before the replacement shipped");
            }
        }
        RmaStatus before = rma.status;
        rma.receiveDefectiveUnit(receivedOn, now);
        outbox.publish(new DefectiveUnitReceived(rma.id.toString(), rma.partnerId, rma.serial, rma.sku, receivedOn,
                rma.ticketId, rma.returnDueOn, rma.receivedLate));
        if (rma.reportedOverdue()) {
            outbox.publish(new LateReturnReceived(rma.id.toString(), rma.ticketId, rma.partnerId, rma.customerId,
                    rma.contractId, rma.serial, rma.sku, rma.returnDueOn, rma.overdueOn, receivedOn));
        }
        audit.recordStaffChange("rma.defective-unit-received", "Rma", rma.id.toString(), before, request);
        rmas.flush();
        return rma;
    }

    /** The device's open RMA, read in a transaction of its own (after a lost race on the unique index). */
    public Optional<Rma> openFor(String serial) {
        return QuarkusTransaction.requiringNew().call(() -> rmas.openFor(serial));
    }

    /** A1/P4: the replacement is a registered device (registry replica) of the defective unit's model. */
    private void requireReplacementOfSameModel(Rma rma, String replacementSerial) {
        if (rma.status != RmaStatus.AUTHORISED || replacementSerial.equals(rma.serial)) {
            return; // the transition refuses these: 409 (state) or 400 (the defective unit itself)
        }
        List<RegisteredDevice> registered = em.createQuery("from RegisteredDevice where serial = ?1", RegisteredDevice.class)
                .setParameter(1, replacementSerial).getResultList();
        if (registered.isEmpty()) {
            throw ApiProblem.ruleViolation("A1", "replacement-not-registered", "Replacement not a registered device",
                    "Replacement " + replacementSerial + " is not a device registered in the device registry.")
                    .field("replacementSerial", "not a registered device");
        }
        if (registered.stream().noneMatch(d -> d.sku.equals(rma.sku))) {
            throw ApiProblem.ruleViolation("P4", "replacement-of-another-model", "Replacement of another model",
                    "Replacement " + replacementSerial + " is a " + registered.get(0).sku + "; the defective unit " + rma.serial
                            + " is a " + rma.sku + ". A replacement takes over the same model's period (P4).")
                    .field("replacementSerial", "must be a registered " + rma.sku);
        }
    }

    private Rma find(UUID id) {
        return rmas.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("RMA", id.toString()));
    }

    BusinessCalendar customerCalendar(Rma rma) {
        return calendars.customer(rma.shipToCountry, rma.shipToSubdivision, rma.shipToZone);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(' ');
            t = t.getCause() == t ? null : t.getCause();
        }
        return all.toString();
    }
}
