package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.domain.InvoiceLine;
import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.domain.MonthlyCharge;
import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.billing.domain.PenaltyCharge;
import com.poly.daas.billing.persistence.BillableDeviceRepository;
import com.poly.daas.billing.persistence.ChargeRepository;
import com.poly.daas.billing.persistence.CreditNoteRepository;
import com.poly.daas.billing.persistence.BillingContractRepository;
import com.poly.daas.billing.persistence.InvoiceRepository;
import com.poly.daas.events.Money;
import com.poly.daas.events.billing.InvoiceIssued;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * B1 monthly invoicing, B3 never twice for the same contract and month. B2: the invoice of a month also carries the
 * contract's approved penalty charges that arose by the month's last day and are not invoiced yet (one line each, at
 * their list price), and deducts its A4 credit notes issued by then; a contract with only charges or credits due is
 * invoiced for them too.
 */
@ApplicationScoped
public class MonthlyInvoicing {
    @Inject
    BillingContractRepository contracts;
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
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    /** What a run did: the invoices it issued and the contracts of the month invoiced earlier (not billed again). */
    public record Outcome(InvoiceRun run, List<Invoice> issued, List<Invoice> alreadyInvoiced) {
    }

    /**
     * Invoices every contract active in {@code month} that has no invoice for it yet. Runs of the same month are
     * serialised (transaction-scoped advisory lock), and the unique (contract, month) constraint backs it up (B3).
     */
    @Transactional
    public Outcome run(YearMonth month) {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        if (!month.isBefore(current)) {
            throw ApiProblem.ruleViolation("B1", "month-not-ended", "Month not ended",
                    "Invoices are raised for a month once it has ended; " + month + " has not (current month " + current + ").")
                    .field("month", "must be before " + current);
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "invoice-run:" + month)
                .getSingleResult();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        InvoiceRun run = new InvoiceRun();
        run.id = UUID.randomUUID();
        run.month = month.toString();
        run.requestedBy = caller.id();
        run.startedAt = now;
        run.persist();

        Map<String, Invoice> existing = invoices.ofMonth(month.toString()).stream()
                .collect(Collectors.toMap(i -> i.contractId, Function.identity()));
        List<Invoice> issued = new ArrayList<>();
        List<Invoice> already = new ArrayList<>();
        for (BillingContract contract : toInvoice(month)) {
            Invoice earlier = existing.get(contract.contractId);
            if (earlier != null) {
                already.add(earlier);
                continue;
            }
            Invoice invoice = invoice(contract, month, run, now);
            if (invoice != null) {
                issued.add(invoice);
            }
        }
        run.invoicesCreated = issued.size();
        run.alreadyInvoiced = already.size();
        audit.recordStaffChange("invoice-run.completed", "InvoiceRun", run.id.toString(), null,
                Map.of("month", run.month, "invoicesCreated", run.invoicesCreated, "alreadyInvoiced", run.alreadyInvoiced));
        return new Outcome(run, issued, already);
    }

    /** Contracts active in the month, and those with penalty charges or credit notes due (B2, A4), by id. */
    private List<BillingContract> toInvoice(YearMonth month) {
        Map<String, BillingContract> due = new TreeMap<>();
        contracts.activeIn(month).forEach(c -> due.put(c.contractId, c));
        List<String> withPenalties = new ArrayList<>(charges.contractsWithChargesDue(month.atEndOfMonth()));
        withPenalties.addAll(creditNotes.contractsWithCreditsDue(month.atEndOfMonth()));
        for (String contractId : withPenalties) {
            if (!due.containsKey(contractId)) {
                contracts.findByIdOptional(contractId).filter(c -> c.currency != null).ifPresent(c -> due.put(contractId, c));
            }
        }
        return List.copyOf(due.values());
    }

    private Invoice invoice(BillingContract contract, YearMonth month, InvoiceRun run, Instant now) {
        String currency = contract.currency;
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.partnerId = contract.partnerId;
        invoice.contractId = contract.contractId;
        invoice.customerId = contract.customerId;
        invoice.month = month.toString();
        invoice.currency = currency;
        invoice.issuedAt = now;
        invoice.runId = run.id;
        BigDecimal total = BigDecimal.ZERO.setScale(digits);
        for (BillableDevice device : devices.ofContract(contract.contractId)) {
            if (device.currency != null && !device.currency.equals(currency)) {
                continue; // refused by the replica already; never mix currencies on one invoice
            }
            var charge = MonthlyCharge.of(contract, device, month, digits);
            if (charge.isEmpty()) {
                continue;
            }
            MonthlyCharge c = charge.get();
            InvoiceLine line = new InvoiceLine();
            line.id = UUID.randomUUID();
            line.partnerId = contract.partnerId;
            line.invoice = invoice;
            line.serial = device.serial;
            line.sku = device.sku;
            line.option = device.option;
            line.periodFrom = c.from();
            line.periodTo = c.to();
            line.days = c.days();
            line.daysInMonth = c.daysInMonth();
            line.monthlyFee = c.monthlyFee();
            line.extendedFee = c.extendedFee();
            line.amount = c.amount();
            invoice.lines.add(line);
            total = total.add(c.amount());
        }
        int deviceLines = invoice.lines.size();
        List<PenaltyCharge> charged = new ArrayList<>();
        for (PenaltyCharge charge : charges.toInvoice(contract.contractId, month.atEndOfMonth())) {
            if (charge.amount == null || !currency.equals(charge.currency)) {
                continue; // B2: a charge in another currency than the contract's stays APPROVED for an agent (docs/billing.md)
            }
            InvoiceLine line = penaltyLine(invoice, contract, "CHARGE", charge.serial, charge.sku, charge.rmaId, charge.ruleIds);
            line.chargeId = charge.id;
            line.amount = charge.amount.setScale(digits, java.math.RoundingMode.HALF_UP);
            total = total.add(line.amount);
            charged.add(charge);
        }
        List<CreditNote> credited = new ArrayList<>();
        for (CreditNote note : creditNotes.toInvoice(contract.contractId, month.atEndOfMonth())) {
            if (!currency.equals(note.currency)) {
                continue;
            }
            InvoiceLine line = penaltyLine(invoice, contract, "CREDIT", note.serial, null, note.rmaId, note.ruleIds);
            line.chargeId = note.chargeId;
            line.creditNoteId = note.id;
            line.amount = note.amount.negate().setScale(digits, java.math.RoundingMode.HALF_UP);
            total = total.add(line.amount);
            credited.add(note);
        }
        if (invoice.lines.isEmpty()) {
            return null; // nothing covered in the month: no invoice (and the contract may be invoiced by a later run)
        }
        invoice.total = total;
        invoices.persist(invoice);
        for (PenaltyCharge charge : charged) {
            penalties.invoiced(charge, invoice.id, invoice.month);
        }
        for (CreditNote note : credited) {
            note.status = "INVOICED";
            note.invoiceId = invoice.id;
            note.invoiceMonth = invoice.month;
        }
        outbox.publish(new InvoiceIssued(invoice.id.toString(), invoice.partnerId, invoice.contractId, invoice.customerId,
                invoice.month, new Money(total, currency), deviceLines, now));
        return invoice;
    }

    private static InvoiceLine penaltyLine(Invoice invoice, BillingContract contract, String kind, String serial, String sku,
                                           String rmaId, String ruleIds) {
        InvoiceLine line = new InvoiceLine();
        line.id = UUID.randomUUID();
        line.partnerId = contract.partnerId;
        line.invoice = invoice;
        line.kind = kind;
        line.serial = serial;
        line.sku = sku;
        line.rmaId = rmaId;
        line.ruleIds = ruleIds;
        invoice.lines.add(line);
        return line;
    }

    /** The invoices a run issued. */
    public List<Invoice> issuedBy(UUID runId) {
        return invoices.ofRun(runId);
    }
}
