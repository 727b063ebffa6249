package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.ChargeCause;
import com.poly.daas.billing.domain.ChargeHistoryEntry;
import com.poly.daas.billing.domain.ChargeStatus;
import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.billing.domain.GraceWindow;
import com.poly.daas.billing.domain.PenaltyCharge;
import com.poly.daas.billing.persistence.ChargeRepository;
import com.poly.daas.billing.service.PriceCatalogue.ListPrice;
import com.poly.daas.events.Money;
import com.poly.daas.events.rmas.ExcessRmaDetected;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Penalty charges (B2): A4 unreturned units (approved at once), E5 excess RMAs (pending an agent's decision), A4
 * credit notes inside the grace window. B3: one charge per (RMA, cause), enforced by the database's unique key with
 * {@code insert ... on conflict do nothing}, so deliveries, replays and racing consumers all end in one charge.
 */
@ApplicationScoped
public class Penalties {
    private static final Logger LOG = Logger.getLogger(Penalties.class);
    static final String SYSTEM = "billing-service";

    @Inject
    EntityManager em;
    @Inject
    ChargeRepository charges;
    @Inject
    PriceCatalogue catalogue;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @ConfigProperty(name = "daas.billing.penalties.grace-days", defaultValue = "30")
    int graceDays;

    /** A4: the unit was not returned in time; charged at the list price in force on the first overdue day (B2). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unreturnedUnit(ReturnOverdue e) {
        require(e.rmaId(), "rmaId");
        require(e.partnerId(), "partnerId");
        if (e.overdueOn() == null) {
            throw new IllegalArgumentException("ReturnOverdue without overdueOn");
        }
        String details = "Return due on " + e.returnDueOn() + ", overdue from " + e.overdueOn() + " (A3, A4).";
        raise(ChargeCause.UNRETURNED_UNIT, ChargeStatus.APPROVED, e.rmaId(), e.partnerId(), e.customerId(),
                e.contractId(), e.serial(), e.sku(), e.priceList(), e.currency(), e.overdueOn(), details);
    }

    /** E5: the RMA took the customer's annual rate above the threshold; a pending charge for an agent. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void excessRma(ExcessRmaDetected e) {
        require(e.rmaId(), "rmaId");
        require(e.partnerId(), "partnerId");
        if (e.authorisedOn() == null) {
            throw new IllegalArgumentException("ExcessRmaDetected without authorisedOn");
        }
        String details = "E5 " + e.year() + ": " + e.rmasAuthorised() + " RMAs authorised / installed base "
                + e.installedBase() + " = " + e.ratePercent() + " % > threshold " + e.thresholdPercent() + " %.";
        raise(ChargeCause.EXCESS_RMA, ChargeStatus.PENDING, e.rmaId(), e.partnerId(), e.customerId(), e.contractId(),
                e.serial(), e.sku(), e.priceList(), e.currency(), e.authorisedOn(), details);
    }

    /**
     * A4 decision: a late unit within the grace window after its charge arose is credited: a credit note referencing
     * the charge (deducted on the next invoice when the charge was invoiced, else offsetting it), the charge
     * {@code CREDITED}; an unpriced charge is simply waived. After the window nothing changes but the reason is kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lateReturn(LateReturnReceived e) {
        require(e.rmaId(), "rmaId");
        if (e.receivedOn() == null) {
            throw new IllegalArgumentException("LateReturnReceived without receivedOn");
        }
        Optional<PenaltyCharge> found = charges.ofRma(e.rmaId(), ChargeCause.UNRETURNED_UNIT);
        if (found.isEmpty()) {
            LOG.warnf("LateReturnReceived for RMA %s without an unreturned-unit charge: nothing to credit", e.rmaId());
            return;
        }
        PenaltyCharge charge = found.get();
        if (charge.lateReturnOn != null) {
            return; // the return was already decided on
        }
        GraceWindow window = new GraceWindow(graceDays);
        charge.lateReturnOn = e.receivedOn();
        String from = charge.status.name();
        if (!window.covers(charge.aroseOn, e.receivedOn())) {
            charge.lateReturnNote = "Unit received on " + e.receivedOn() + ", after the A4 grace window (" + graceDays
                    + " days after " + charge.aroseOn + ", last day " + window.lastDay(charge.aroseOn) + "): the charge stands.";
            touch(charge);
            history(charge, from, from, SYSTEM, charge.lateReturnNote);
            return;
        }
        String within = "Unit received on " + e.receivedOn() + ", within the A4 grace window (last day "
                + window.lastDay(charge.aroseOn) + ")";
        switch (charge.status) {
            case APPROVED, INVOICED -> {
                boolean invoiced = charge.status == ChargeStatus.INVOICED;
                CreditNote note = new CreditNote();
                note.id = UUID.randomUUID();
                note.partnerId = charge.partnerId;
                note.chargeId = charge.id;
                note.customerId = charge.customerId;
                note.contractId = charge.contractId;
                note.rmaId = charge.rmaId;
                note.serial = charge.serial;
                note.ruleIds = "A4,B3";
                note.amount = charge.amount;
                note.currency = charge.currency;
                note.status = invoiced ? "ISSUED" : "OFFSET";
                note.reason = within + (invoiced ? ": credited on the next monthly invoice." : ": the charge, not invoiced yet, never will be.");
                note.issuedOn = e.receivedOn();
                note.issuedAt = now();
                note.persist();
                charge.status = ChargeStatus.CREDITED;
                charge.lateReturnNote = note.reason + " Credit note " + note.id + ".";
            }
            case UNPRICED, PENDING -> {
                charge.status = ChargeStatus.WAIVED;
                charge.decisionReason = within + ": nothing was billed, the charge is waived.";
                charge.decidedBy = SYSTEM;
                charge.lateReturnNote = charge.decisionReason;
            }
            default -> charge.lateReturnNote = within + "; the charge was already " + charge.status + ".";
        }
        touch(charge);
        history(charge, from, charge.status.name(), SYSTEM, charge.lateReturnNote);
    }

    /**
     * E5 (and an UNPRICED charge): an agent approves; an unpriced charge needs the price the agent sets, in the
     * charge's currency. Only PENDING or UNPRICED charges can be approved (409 otherwise).
     */
    @Transactional
    public PenaltyCharge approve(UUID id, String ifMatch, String reason, Money price) {
        PenaltyCharge charge = charges.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("charge", id.toString()));
        ETags.requireMatch(ifMatch, charge.version);
        requireReason(reason);
        if (!charge.status.awaitsDecision()) {
            throw ApiProblem.conflict("charge-not-pending", "Charge not awaiting a decision",
                    "Charge " + id + " is " + charge.status + "; only PENDING or UNPRICED charges can be approved.", "E5");
        }
        Map<String, Object> before = snapshot(charge);
        if (charge.status == ChargeStatus.UNPRICED) {
            if (price == null) {
                throw ApiProblem.ruleViolation("B2", "price-required", "Price required",
                        "Charge " + id + " has no list price (" + charge.unpricedReason + "); approving it needs the price.")
                        .field("price", "is required to approve an UNPRICED charge");
            }
            String currency = charge.currency == null ? price.currency() : charge.currency;
            if (!currency.equals(price.currency())) {
                throw ApiProblem.invalidField("price.currency", "must be " + currency + ", the customer's region currency");
            }
            if (price.amount().signum() <= 0) {
                throw ApiProblem.invalidField("price.amount", "must be positive (a penalty is never charged at zero)");
            }
            charge.amount = minorUnits(price.amount(), currency);
            charge.currency = currency;
        } else if (price != null) {
            throw ApiProblem.invalidField("price", "only an UNPRICED charge takes a price; this one is priced from the list");
        }
        String from = charge.status.name();
        charge.status = ChargeStatus.APPROVED;
        charge.decisionReason = reason.trim();
        charge.decidedBy = caller.id();
        touch(charge);
        history(charge, from, charge.status.name(), caller.id(), "Approved: " + reason.trim());
        charges.flush();
        audit.recordStaffChange("charge.approved", "PenaltyCharge", id.toString(), before, snapshot(charge));
        return charge;
    }

    /** An agent waives a charge not yet invoiced (PENDING, UNPRICED or APPROVED), with the reason. */
    @Transactional
    public PenaltyCharge waive(UUID id, String ifMatch, String reason) {
        PenaltyCharge charge = charges.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("charge", id.toString()));
        ETags.requireMatch(ifMatch, charge.version);
        requireReason(reason);
        if (!charge.status.awaitsDecision() && charge.status != ChargeStatus.APPROVED) {
            throw ApiProblem.conflict("charge-not-waivable", "Charge cannot be waived",
                    "Charge " + id + " is " + charge.status + "; only PENDING, UNPRICED or APPROVED (not yet invoiced) "
                            + "charges can be waived.", "B2");
        }
        Map<String, Object> before = snapshot(charge);
        String from = charge.status.name();
        charge.status = ChargeStatus.WAIVED;
        charge.decisionReason = reason.trim();
        charge.decidedBy = caller.id();
        touch(charge);
        history(charge, from, charge.status.name(), caller.id(), "Waived: " + reason.trim());
        charges.flush();
        audit.recordStaffChange("charge.waived", "PenaltyCharge", id.toString(), before, snapshot(charge));
        return charge;
    }

    /** Marks an approved charge as invoiced (called by the monthly invoicing in its transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void invoiced(PenaltyCharge charge, UUID invoiceId, String month) {
        charge.status = ChargeStatus.INVOICED;
        charge.invoiceId = invoiceId;
        charge.invoiceMonth = month;
        touch(charge);
        history(charge, ChargeStatus.APPROVED.name(), ChargeStatus.INVOICED.name(), SYSTEM, "On the invoice of " + month + ".");
    }

    private void raise(ChargeCause cause, ChargeStatus priced, String rmaId, String partnerId, String customerId,
                       String contractId, String serial, String sku, String priceList, String currency, LocalDate aroseOn,
                       String details) {
        String unpriced = null;
        ListPrice price = null;
        if (sku == null || sku.isBlank()) {
            unpriced = "The RMA names no SKU, so no list price can be found.";
        } else if ((priceList == null || priceList.isBlank()) && (currency == null || currency.isBlank())) {
            unpriced = "The RMA names neither a price list nor the customer's currency.";
        } else {
            price = catalogue.inForce(sku, priceList, currency, aroseOn).orElse(null);
            String list = priceList == null || priceList.isBlank() ? currency : priceList;
            if (price == null) {
                unpriced = "No " + list + " list price of " + sku + " in force on " + aroseOn + " (B2).";
            } else if (currency != null && !currency.isBlank() && !price.currency().equals(currency)) {
                unpriced = "The " + price.priceList() + " price of " + sku + " is in " + price.currency()
                        + ", not the customer's region currency " + currency + ".";
                price = null;
            }
        }
        Instant now = now();
        UUID id = UUID.randomUUID();
        ChargeStatus status = price == null ? ChargeStatus.UNPRICED : priced;
        int inserted = em.createNativeQuery("""
                        insert into penalty_charge (id, partner_id, customer_id, contract_id, rma_id, serial, sku, cause,
                            rule_ids, status, amount, currency, price_list, price_valid_from, arose_on, unpriced_reason,
                            details, created_at, updated_at, version)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?18, 0)
                        on conflict (rma_id, cause) do nothing""")
                .setParameter(1, id).setParameter(2, partnerId).setParameter(3, customerId).setParameter(4, contractId)
                .setParameter(5, rmaId).setParameter(6, serial).setParameter(7, sku).setParameter(8, cause.name())
                .setParameter(9, cause.rules()).setParameter(10, status.name())
                .setParameter(11, price == null ? null : minorUnits(price.amount(), price.currency()))
                .setParameter(12, price != null ? price.currency() : blankToNull(currency))
                .setParameter(13, price != null ? price.priceList() : blankToNull(priceList))
                .setParameter(14, price == null ? null : Date.valueOf(price.validFrom()))
                .setParameter(15, Date.valueOf(aroseOn)).setParameter(16, unpriced).setParameter(17, details)
                .setParameter(18, Timestamp.from(now))
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("B3: RMA %s already has a %s charge", rmaId, cause);
            return;
        }
        ChargeHistoryEntry entry = new ChargeHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.partnerId = partnerId;
        entry.chargeId = id;
        entry.occurredAt = now;
        entry.toStatus = status.name();
        entry.actor = SYSTEM;
        entry.note = (unpriced == null ? "Raised (" + cause.rules() + ") at the " + price.priceList() + " price in force on "
                + aroseOn + " (from " + price.validFrom() + ")." : "Raised UNPRICED: " + unpriced) + " " + details;
        entry.persist();
    }

    private void history(PenaltyCharge charge, String from, String to, String actor, String note) {
        ChargeHistoryEntry entry = new ChargeHistoryEntry();
        entry.id = UUID.randomUUID();
        entry.partnerId = charge.partnerId;
        entry.chargeId = charge.id;
        entry.occurredAt = now();
        entry.fromStatus = from;
        entry.toStatus = to;
        entry.actor = actor;
        entry.note = note;
        entry.persist();
    }

    private static Map<String, Object> snapshot(PenaltyCharge c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", c.status.name());
        m.put("amount", c.amount == null ? null : c.amount.toPlainString());
        m.put("currency", c.currency);
        m.put("decisionReason", c.decisionReason);
        m.put("rmaId", c.rmaId);
        m.put("cause", c.cause.name());
        return m;
    }

    private void touch(PenaltyCharge charge) {
        charge.updatedAt = now();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiProblem.invalidField("reason", "is required: say why (it is kept in the charge's history and the audit trail)");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("penalty event without " + name);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static BigDecimal minorUnits(BigDecimal amount, String currency) {
        return amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
