package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.domain.InvoiceLine;
import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.billing.domain.MonthlyCharge;
import com.poly.daas.billing.domain.PenaltyCharge;
import com.poly.daas.billing.persistence.BillableDeviceRepository;
import com.poly.daas.billing.persistence.ChargeRepository;
import com.poly.daas.billing.persistence.CreditNoteRepository;
import com.poly.daas.billing.persistence.InvoiceRepository;
import com.poly.daas.events.Money;
import com.poly.daas.events.billing.InvoiceIssued;
import com.poly.daas.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * B1 monthly invoicing of ONE contract for one month, in its own transaction (a failing contract never rolls back the
 * others). B3: the contract's row of the month's work list ({@code invoice_run_contract}, one per contract and month)
 * is claimed with {@code FOR UPDATE SKIP LOCKED} and settled once: INVOICED, NOTHING_DUE, or FAILED by the caller.
 * <p>
 * An invoice carries: a DEVICE line per covered device (prorated by day, P4 replacement billed from its ship day);
 * ADJUSTMENT lines re-pricing months already settled whose facts changed since (a delivery date reported late, a
 * backdated end), each referencing the month it corrects; the contract's approved penalty charges that arose by the
 * month's last day (B2) and A4 credit notes issued by then. Its number is allocated last (gap-free, {@link InvoiceNumbers}).
 */
@ApplicationScoped
public class MonthlyInvoicing {
    @Inject
    BillableDeviceRepository devices;
    @Inject
    InvoiceRepository invoices;
    @Inject
    ChargeRepository charges;
    @Inject
    CreditNoteRepository creditNotes;
    @Inject
    Penalties penalties;
    @Inject
    InvoiceNumbers numbers;
    @Inject
    IssuingCalendars calendars;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    /** A contract's outcome for the month. */
    public record Settlement(String status, Invoice invoice, String detail) {
    }

    /**
     * Settles the contract's row of the month if it is pending and nobody else holds it; empty when another executor
     * holds it or it was settled already.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Settlement> settle(String contractId, YearMonth month, UUID runId) {
        return settle(contractId, month, runId, true);
    }

    /**
     * As {@link #settle(String, YearMonth, UUID)}; {@code penaltiesDue} false (the run looked, for a batch of contracts,
     * and found no charge or credit note due) spares the two queries for them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Settlement> settle(String contractId, YearMonth month, UUID runId, boolean penaltiesDue) {
        @SuppressWarnings("unchecked")
        List<String> claimed = em.createNativeQuery("""
                        select status from invoice_run_contract where contract_id = ?1 and month = ?2
                        for update skip locked""")
                .setParameter(1, contractId).setParameter(2, month.toString()).getResultList();
        if (claimed.isEmpty() || !"PENDING".equals(claimed.get(0))) {
            return Optional.empty();
        }
        BillingContract contract = em.find(BillingContract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        Settlement settlement = invoice(contract, month, runId, penaltiesDue);
        record(contractId, month, runId, settlement);
        return Optional.of(settlement);
    }

    /** Records a contract whose settlement failed (its own transaction rolled back): a later run retries it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String contractId, YearMonth month, UUID runId, Throwable error) {
        String detail = error.getClass().getSimpleName() + ": " + error.getMessage();
        em.createNativeQuery("""
                        update invoice_run_contract set status = 'FAILED', run_id = ?3, detail = ?4, attempts = attempts + 1,
                            updated_at = ?5 where contract_id = ?1 and month = ?2 and status = 'PENDING'""")
                .setParameter(1, contractId).setParameter(2, month.toString()).setParameter(3, runId)
                .setParameter(4, detail.length() > 1000 ? detail.substring(0, 1000) : detail)
                .setParameter(5, Timestamp.from(clock.instant())).executeUpdate();
    }

    private void record(String contractId, YearMonth month, UUID runId, Settlement s) {
        em.createNativeQuery("""
                        update invoice_run_contract set status = ?3, run_id = ?4, invoice_id = ?5, invoice_number = ?6,
                            detail = ?7, attempts = attempts + 1, updated_at = ?8 where contract_id = ?1 and month = ?2""")
                .setParameter(1, contractId).setParameter(2, month.toString()).setParameter(3, s.status())
                .setParameter(4, runId).setParameter(5, s.invoice() == null ? null : s.invoice().id)
                .setParameter(6, s.invoice() == null ? null : s.invoice().number).setParameter(7, s.detail())
                .setParameter(8, Timestamp.from(clock.instant())).executeUpdate();
    }

    // B3: the claimed row of the work list says the month is not settled; the unique (contract, month) backs it up
    private Settlement invoice(BillingContract contract, YearMonth month, UUID runId, boolean penaltiesDue) {
        if (contract.currency == null || contract.activatedOn == null) {
            throw new IllegalStateException("contract " + contract.contractId + " is not activated (no currency or activation day)");
        }
        IssuingEntity entity = entityOf(contract);
        String currency = contract.currency;
        int digits = fractionDigits(contract);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Invoice invoice = draft(contract, month, runId, entity, now, calendars.today(entity));

        List<BillableDevice> all = devices.ofContract(contract.contractId);
        Map<String, BillableDevice> bySerial = deviceLines(invoice, contract, all, month, digits);
        adjustments(contract, invoice, all, bySerial, month, digits);
        int deviceLines = invoice.lines.size();

        List<PenaltyCharge> charged = new ArrayList<>();
        for (PenaltyCharge charge : penaltiesDue ? charges.toInvoice(contract.contractId, month.atEndOfMonth()) : List.<PenaltyCharge>of()) {
            if (charge.amount == null || !currency.equals(charge.currency)) {
                continue; // B2: a charge in another currency than the contract's stays APPROVED for an agent (docs/billing.md)
            }
            InvoiceLine line = line(invoice, "CHARGE", charge.serial, charge.sku, charge.rmaId, charge.ruleIds);
            line.chargeId = charge.id;
            line.amount = charge.amount.setScale(digits, RoundingMode.HALF_UP);
            line.note = charge.cause + " charge of RMA " + charge.rmaId + ", arose on " + charge.aroseOn
                    + (charge.priceList == null ? "" : ", list " + charge.priceList + " price in force from " + charge.priceValidFrom);
            charged.add(charge);
        }
        List<CreditNote> credited = new ArrayList<>();
        for (CreditNote note : penaltiesDue ? creditNotes.toInvoice(contract.contractId, month.atEndOfMonth()) : List.<CreditNote>of()) {
            if (!currency.equals(note.currency)) {
                continue;
            }
            InvoiceLine line = line(invoice, "CREDIT", note.serial, null, note.rmaId, note.ruleIds);
            line.chargeId = note.chargeId;
            line.creditNoteId = note.id;
            line.amount = note.amount.negate().setScale(digits, RoundingMode.HALF_UP);
            line.note = "Credit note " + note.id + ": " + note.reason;
            credited.add(note);
        }
        if (all.stream().anyMatch(d -> d.recheckFrom != null)) {
            clearRechecks(contract.contractId, month);
        }
        if (invoice.lines.isEmpty()) {
            return new Settlement("NOTHING_DUE", null, "nothing billable in " + month);
        }
        total(invoice, digits);
        for (PenaltyCharge charge : charged) {
            penalties.invoiced(charge, invoice.id, invoice.month);
        }
        for (CreditNote note : credited) {
            note.status = "INVOICED";
            note.invoiceId = invoice.id;
            note.invoiceMonth = invoice.month;
        }
        // last: the counter row stays locked until the commit (gap-free numbering)
        invoice.number = numbers.next(entity, invoice.issuedOn.getYear());
        invoices.persist(invoice);
        outbox.publish(issued(invoice, deviceLines));
        return new Settlement("INVOICED", invoice, invoice.number);
    }

    /** The currency's minor unit (B1: each line is rounded to it); refuses a code that is not ISO 4217. */
    static int fractionDigits(BillingContract contract) {
        try {
            return Currency.getInstance(contract.currency).getDefaultFractionDigits();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("contract " + contract.contractId + " is billed in " + contract.currency
                    + ", not an ISO 4217 currency");
        }
    }

    /** An invoice of the contract's month without lines or number yet, issued now ({@code issuedOn}: the entity's day). */
    static Invoice draft(BillingContract contract, YearMonth month, UUID runId, IssuingEntity entity, Instant now,
                         LocalDate issuedOn) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.partnerId = contract.partnerId;
        invoice.contractId = contract.contractId;
        invoice.customerId = contract.customerId;
        invoice.month = month.toString();
        invoice.currency = contract.currency;
        invoice.issuedAt = now;
        invoice.issuedOn = issuedOn;
        invoice.issuingEntity = entity.name();
        invoice.runId = runId;
        return invoice;
    }

    /**
     * B1: a DEVICE line per device (in the given order) billable in the month, P4 replacements from their ship day.
     * Returns the devices by serial (for the adjustments).
     */
    static Map<String, BillableDevice> deviceLines(Invoice invoice, BillingContract contract, List<BillableDevice> all,
                                                   YearMonth month, int digits) {
        Map<String, BillableDevice> bySerial = new HashMap<>();
        for (BillableDevice device : all) {
            bySerial.putIfAbsent(device.serial, device);
        }
        for (BillableDevice device : all) {
            if (device.currency != null && !device.currency.equals(contract.currency)) {
                continue; // refused by the replica already; never mix currencies on one invoice
            }
            charge(contract, device, bySerial, month, digits).ifPresent(c -> {
                InvoiceLine line = deviceLine(invoice, device, c, "DEVICE", month.toString());
                line.ruleIds = device.replacesSerial == null ? "B1" : "B1,P4";
                if (device.replacesSerial != null) {
                    line.note = "Replacement of " + device.replacesSerial + ", billed from the day it shipped (P4).";
                }
            });
        }
        return bySerial;
    }

    /** Numbers the lines and sets the total, the sum of the rounded lines (B1); negative: a credit note. */
    static void total(Invoice invoice, int digits) {
        BigDecimal total = BigDecimal.ZERO.setScale(digits);
        int n = 0;
        for (InvoiceLine line : invoice.lines) {
            line.lineNo = ++n;
            total = total.add(line.amount);
        }
        invoice.total = total;
        invoice.documentType = total.signum() < 0 ? "CREDIT_NOTE" : "INVOICE";
    }

    /** The event of a numbered invoice: partner ERPs match it by its number and issuing entity. */
    static InvoiceIssued issued(Invoice invoice, int deviceLines) {
        return new InvoiceIssued(invoice.id.toString(), invoice.partnerId, invoice.contractId, invoice.customerId,
                invoice.month, new Money(invoice.total, invoice.currency), deviceLines, invoice.issuedAt, invoice.number,
                invoice.issuingEntity);
    }

    static IssuingEntity entityOf(BillingContract contract) {
        if (contract.issuingEntity != null) {
            return IssuingEntity.valueOf(contract.issuingEntity);
        }
        IssuingEntity entity = IssuingEntity.of(contract.customerCountry);
        return entity == null ? IssuingEntity.NA : entity;
    }

    /** The device's charge of the month; P4: a replacement from its original's coverage end (its ship day). */
    static Optional<MonthlyCharge> charge(BillingContract contract, BillableDevice device, Map<String, BillableDevice> bySerial,
                                          YearMonth month, int digits) {
        LocalDate takeover = null;
        if (device.replacesSerial != null) {
            BillableDevice original = bySerial.get(device.replacesSerial);
            takeover = original == null ? null : original.endedOn;
        }
        return MonthlyCharge.of(contract, device, takeover, month, digits);
    }

    /**
     * Late facts: for each device marked for re-checking, every month from the marked day's month to the month before
     * this one that was already settled for the contract is re-priced with what is known now; the difference with what
     * was billed for it (its DEVICE line and earlier adjustments) becomes an ADJUSTMENT line referencing that month.
     */
    private void adjustments(BillingContract contract, Invoice invoice, List<BillableDevice> all,
                             Map<String, BillableDevice> bySerial, YearMonth month, int digits) {
        List<BillableDevice> marked = all.stream()
                .filter(d -> d.recheckFrom != null && YearMonth.from(d.recheckFrom).isBefore(month)).toList();
        if (marked.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> settled = new TreeSet<>(em.createNativeQuery("""
                        select month from invoice_run_contract where contract_id = ?1 and month < ?2
                        and status in ('INVOICED', 'NOTHING_DUE')""")
                .setParameter(1, contract.contractId).setParameter(2, month.toString()).getResultList());
        for (BillableDevice device : marked) {
            if (device.currency != null && !device.currency.equals(contract.currency)) {
                continue;
            }
            for (YearMonth m = YearMonth.from(device.recheckFrom); m.isBefore(month); m = m.plusMonths(1)) {
                if (!settled.contains(m.toString())) {
                    continue; // never settled: its own run bills it as known then
                }
                Optional<MonthlyCharge> now = charge(contract, device, bySerial, m, digits);
                BigDecimal due = now.map(MonthlyCharge::amount).orElse(BigDecimal.ZERO.setScale(digits));
                BigDecimal billed = billed(contract.contractId, device.serial, m).setScale(digits, RoundingMode.HALF_UP);
                BigDecimal difference = due.subtract(billed);
                if (difference.signum() == 0) {
                    continue;
                }
                InvoiceLine line;
                if (now.isPresent()) {
                    line = deviceLine(invoice, device, now.get(), "ADJUSTMENT", m.toString());
                } else {
                    line = line(invoice, "ADJUSTMENT", device.serial, device.sku, null, null);
                    line.option = device.option;
                    line.serviceMonth = m.toString();
                    line.days = 0;
                    line.daysInMonth = m.lengthOfMonth();
                    line.monthlyFee = device.monthlyFee;
                }
                line.amount = difference;
                line.correctsMonth = m.toString();
                line.ruleIds = device.replacesSerial == null ? "B1" : "B1,P4";
                line.note = "Corrects " + m + " (billed " + billed.toPlainString() + ", due " + due.toPlainString() + "): "
                        + device.recheckReason + ".";
            }
        }
    }

    private BigDecimal billed(String contractId, String serial, YearMonth m) {
        Object sum = em.createNativeQuery("""
                        select coalesce(sum(l.amount), 0) from invoice_line l join invoice i on i.id = l.invoice_id
                        where i.contract_id = ?1 and l.serial = ?2 and l.service_month = ?3 and l.kind in ('DEVICE', 'ADJUSTMENT')""")
                .setParameter(1, contractId).setParameter(2, serial).setParameter(3, m.toString()).getSingleResult();
        return new BigDecimal(sum.toString());
    }

    /** The months up to this one are now settled with what is known: their re-check marks are done. */
    private void clearRechecks(String contractId, YearMonth month) {
        em.flush();
        em.createNativeQuery("""
                        update billable_device set recheck_from = null, recheck_reason = null
                        where contract_id = ?1 and recheck_from < ?2""")
                .setParameter(1, contractId).setParameter(2, month.plusMonths(1).atDay(1)).executeUpdate();
    }

    private static InvoiceLine deviceLine(Invoice invoice, BillableDevice device, MonthlyCharge c, String kind, String serviceMonth) {
        InvoiceLine line = line(invoice, kind, device.serial, device.sku, null, "B1");
        line.option = device.option;
        line.serviceMonth = serviceMonth;
        line.periodFrom = c.from();
        line.periodTo = c.to();
        line.days = c.days();
        line.daysInMonth = c.daysInMonth();
        line.monthlyFee = c.monthlyFee();
        line.extendedFee = c.extendedFee();
        line.amount = c.amount();
        return line;
    }

    private static InvoiceLine line(Invoice invoice, String kind, String serial, String sku, String rmaId, String ruleIds) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.partnerId = invoice.partnerId;
        line.invoice = invoice;
        line.kind = kind;
        line.serial = serial;
        line.sku = sku;
        line.rmaId = rmaId;
        line.ruleIds = ruleIds;
        invoice.lines.add(line);
        return line;
    }

}
