package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.domain.InvoiceLine;
import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.domain.MonthlyCharge;
import com.poly.daas.billing.persistence.BillableDeviceRepository;
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
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** B1 monthly invoicing, B3 never twice for the same contract and month. */
@ApplicationScoped
public class MonthlyInvoicing {
    @Inject
    BillingContractRepository contracts;
    @Inject
    BillableDeviceRepository devices;
    @Inject
    InvoiceRepository invoices;
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
        for (BillingContract contract : contracts.activeIn(month)) {
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
        if (invoice.lines.isEmpty()) {
            return null; // nothing covered in the month: no invoice (and the contract may be invoiced by a later run)
        }
        invoice.total = total;
        invoices.persist(invoice);
        outbox.publish(new InvoiceIssued(invoice.id.toString(), invoice.partnerId, invoice.contractId, invoice.customerId,
                invoice.month, new Money(total, currency), invoice.lines.size(), now));
        return invoice;
    }

    /** The invoices a run issued. */
    public List<Invoice> issuedBy(UUID runId) {
        return invoices.ofRun(runId);
    }
}
