package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.domain.InvoiceLine;
import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.events.DomainEvent;
import com.poly.daas.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * B1, B3: settles a batch of plain contracts (device lines only: no penalty charge or credit note due, no late fact to
 * re-check) of a month in ONE transaction with plain JDBC: the work-list rows claimed {@code FOR UPDATE SKIP LOCKED}, the
 * contracts locked and their devices read in one statement each, the lines priced by the same code as
 * {@link MonthlyInvoicing}, the numbers taken as one block per issuing entity and year, then invoices, lines,
 * {@code InvoiceIssued} outbox rows and outcomes written as JDBC batches. A run of 100,000 contracts is CPU-bound on
 * round trips and ORM work per contract (docs/benchmarks.md), which this spares.
 * <p>
 * Each contract still commits on its own in effect: a contract the batch cannot settle (not plain, or its invoice
 * cannot be built) is handed back untouched, and if any statement of the batch fails the whole batch rolls back (its
 * numbers with it: gap-free) and every contract of it is handed back; the caller settles those one by one with
 * {@link MonthlyInvoicing#settle}, where a bad contract fails alone and is reported in the run.
 */
@ApplicationScoped
public class BatchSettlement {
    private static final Logger LOG = Logger.getLogger(BatchSettlement.class);

    @Inject
    InvoiceNumbers numbers;
    @Inject
    Outbox outbox;
    @Inject
    IssuingCalendars calendars;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;

    /** A contract priced in the batch: its invoice (null: nothing due) and how many device lines it has. */
    private record Priced(String contractId, Invoice invoice, int deviceLines) {
    }

    /**
     * Settles what it can of {@code contractIds} (pending rows of the month's work list) and returns the contracts left
     * for the one-by-one path: those not plain, those whose invoice could not be built, or all of them when the batch
     * failed. Contracts another executor holds or settled are neither settled nor returned.
     */
    public List<String> settle(List<String> contractIds, YearMonth month, UUID runId) {
        List<String> left = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                left.clear();
                List<Priced> priced = em.unwrap(Session.class)
                        .doReturningWork(c -> claimAndPrice(c, contractIds, month, runId, left));
                if (!priced.isEmpty()) {
                    issue(priced, month, runId);
                }
            });
            return left;
        } catch (RuntimeException e) {
            LOG.infof("Invoice run %s: a batch of %d contracts of %s rolled back (%s); settling them one by one",
                    runId, contractIds.size(), month, e.toString());
            return contractIds;
        }
    }

    private List<Priced> claimAndPrice(Connection c, List<String> contractIds, YearMonth month, UUID runId,
                                       List<String> left) throws SQLException {
        List<String> claimed = new ArrayList<>(contractIds.size());
        try (PreparedStatement claim = c.prepareStatement("""
                select contract_id from invoice_run_contract where month = ? and contract_id = any(?) and status = 'PENDING'
                order by contract_id for update skip locked""")) {
            claim.setString(1, month.toString());
            claim.setArray(2, c.createArrayOf("varchar", contractIds.toArray()));
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getString(1));
                }
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        Object ids = c.createArrayOf("varchar", claimed.toArray());
        Map<String, BillingContract> contracts = new LinkedHashMap<>();
        // the contract rows are locked as MonthlyInvoicing.settle locks them: replica updates wait for the settlement
        try (PreparedStatement read = c.prepareStatement("""
                select contract_id, partner_id, customer_id, customer_country, currency, term_months, activated_on, ended_on,
                       end_reason, terminated_on, issuing_entity
                from billing_contract where contract_id = any(?) order by contract_id for update""")) {
            read.setArray(1, (java.sql.Array) ids);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    BillingContract k = new BillingContract();
                    k.contractId = rs.getString(1);
                    k.partnerId = rs.getString(2);
                    k.customerId = rs.getString(3);
                    k.customerCountry = rs.getString(4);
                    k.currency = rs.getString(5);
                    k.termMonths = (Integer) rs.getObject(6);
                    k.activatedOn = date(rs, 7);
                    k.endedOn = date(rs, 8);
                    k.endReason = rs.getString(9);
                    k.terminatedOn = date(rs, 10);
                    k.issuingEntity = rs.getString(11);
                    contracts.put(k.contractId, k);
                }
            }
        }
        Map<String, List<BillableDevice>> devices = new HashMap<>();
        try (PreparedStatement read = c.prepareStatement("""
                select contract_id, id, partner_id, serial, sku, coverage_start, coverage_end, coverage_option, monthly_fee,
                       extended_fee, currency, ended_on, end_reason, replaces_serial, recheck_from
                from billable_device where contract_id = any(?) order by contract_id, serial""")) {
            read.setArray(1, (java.sql.Array) ids);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    BillableDevice d = new BillableDevice();
                    d.contractId = rs.getString(1);
                    d.id = (UUID) rs.getObject(2);
                    d.partnerId = rs.getString(3);
                    d.serial = rs.getString(4);
                    d.sku = rs.getString(5);
                    d.coverageStart = date(rs, 6);
                    d.coverageEnd = date(rs, 7);
                    d.option = rs.getString(8);
                    d.monthlyFee = rs.getBigDecimal(9);
                    d.extendedFee = rs.getBigDecimal(10);
                    d.currency = rs.getString(11);
                    d.endedOn = date(rs, 12);
                    d.endReason = rs.getString(13);
                    d.replacesSerial = rs.getString(14);
                    d.recheckFrom = date(rs, 15);
                    devices.computeIfAbsent(d.contractId, k -> new ArrayList<>()).add(d);
                }
            }
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<IssuingEntity, LocalDate> today = new HashMap<>();
        List<Priced> priced = new ArrayList<>(claimed.size());
        for (String contractId : claimed) {
            BillingContract contract = contracts.get(contractId);
            List<BillableDevice> all = devices.getOrDefault(contractId, List.of());
            if (contract == null || contract.currency == null || contract.activatedOn == null
                    || all.stream().anyMatch(d -> d.recheckFrom != null)) {
                left.add(contractId); // not plain: adjustments, or a failure MonthlyInvoicing reports
                continue;
            }
            try {
                int digits = MonthlyInvoicing.fractionDigits(contract);
                IssuingEntity entity = MonthlyInvoicing.entityOf(contract);
                Invoice invoice = MonthlyInvoicing.draft(contract, month, runId, entity, now,
                        today.computeIfAbsent(entity, calendars::today));
                MonthlyInvoicing.deviceLines(invoice, contract, all, month, digits);
                if (invoice.lines.isEmpty()) {
                    priced.add(new Priced(contractId, null, 0));
                } else {
                    MonthlyInvoicing.total(invoice, digits);
                    priced.add(new Priced(contractId, invoice, invoice.lines.size()));
                }
            } catch (RuntimeException e) {
                left.add(contractId); // settled alone, where its failure is recorded
            }
        }
        return priced;
    }

    /** Numbers (last: the counter rows stay locked until the commit), then invoices, lines, events and outcomes. */
    private void issue(List<Priced> priced, YearMonth month, UUID runId) {
        Map<String, List<Invoice>> byCounter = new TreeMap<>(); // name order: batches lock counter rows in one order
        for (Priced p : priced) {
            if (p.invoice() != null) {
                byCounter.computeIfAbsent(p.invoice().issuingEntity + "/" + p.invoice().issuedOn.getYear(),
                        k -> new ArrayList<>()).add(p.invoice());
            }
        }
        Timestamp updatedAt = Timestamp.from(clock.instant());
        em.unwrap(Session.class).doWork(c -> {
            for (List<Invoice> block : byCounter.values()) {
                IssuingEntity entity = IssuingEntity.valueOf(block.get(0).issuingEntity);
                int year = block.get(0).issuedOn.getYear();
                long first = numbers.reserve(c, entity, year, block.size());
                for (int i = 0; i < block.size(); i++) {
                    block.get(i).number = entity.number(year, first + i);
                }
            }
            insertInvoices(c, priced);
        });
        List<DomainEvent> events = new ArrayList<>();
        for (Priced p : priced) {
            if (p.invoice() != null) {
                events.add(MonthlyInvoicing.issued(p.invoice(), p.deviceLines()));
            }
        }
        outbox.publishAll(events);
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement record = c.prepareStatement("""
                    update invoice_run_contract set status = ?, run_id = ?, invoice_id = ?, invoice_number = ?, detail = ?,
                        attempts = attempts + 1, updated_at = ? where contract_id = ? and month = ?""")) {
                for (Priced p : priced) {
                    Invoice invoice = p.invoice();
                    record.setString(1, invoice == null ? "NOTHING_DUE" : "INVOICED");
                    record.setObject(2, runId);
                    record.setObject(3, invoice == null ? null : invoice.id, Types.OTHER);
                    record.setString(4, invoice == null ? null : invoice.number);
                    record.setString(5, invoice == null ? "nothing billable in " + month : invoice.number);
                    record.setTimestamp(6, updatedAt);
                    record.setString(7, p.contractId());
                    record.setString(8, month.toString());
                    record.addBatch();
                }
                record.executeBatch();
            }
        });
    }

    private static void insertInvoices(Connection c, List<Priced> priced) throws SQLException {
        try (PreparedStatement invoices = c.prepareStatement("""
                insert into invoice (id, partner_id, contract_id, customer_id, month, currency, total, issued_at, run_id, number,
                    issuing_entity, document_type, issued_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement lines = c.prepareStatement("""
                insert into invoice_line (id, partner_id, invoice_id, kind, line_no, service_month, corrects_month, note,
                    charge_id, credit_note_id, rma_id, rule_ids, serial, sku, coverage_option, period_from, period_to, days,
                    days_in_month, monthly_fee, extended_fee, amount)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Priced p : priced) {
                Invoice i = p.invoice();
                if (i == null) {
                    continue;
                }
                invoices.setObject(1, i.id);
                invoices.setString(2, i.partnerId);
                invoices.setString(3, i.contractId);
                invoices.setString(4, i.customerId);
                invoices.setString(5, i.month);
                invoices.setString(6, i.currency);
                invoices.setBigDecimal(7, i.total);
                invoices.setTimestamp(8, Timestamp.from(i.issuedAt));
                invoices.setObject(9, i.runId);
                invoices.setString(10, i.number);
                invoices.setString(11, i.issuingEntity);
                invoices.setString(12, i.documentType);
                invoices.setDate(13, Date.valueOf(i.issuedOn));
                invoices.addBatch();
                for (InvoiceLine l : i.lines) {
                    lines.setObject(1, l.id);
                    lines.setString(2, l.partnerId);
                    lines.setObject(3, i.id);
                    lines.setString(4, l.kind);
                    lines.setInt(5, l.lineNo);
                    lines.setString(6, l.serviceMonth);
                    lines.setString(7, l.correctsMonth);
                    lines.setString(8, l.note);
                    lines.setObject(9, l.chargeId, Types.OTHER);
                    lines.setObject(10, l.creditNoteId, Types.OTHER);
                    lines.setString(11, l.rmaId);
                    lines.setString(12, l.ruleIds);
                    lines.setString(13, l.serial);
                    lines.setString(14, l.sku);
                    lines.setString(15, l.option);
                    lines.setObject(16, l.periodFrom == null ? null : Date.valueOf(l.periodFrom), Types.DATE);
                    lines.setObject(17, l.periodTo == null ? null : Date.valueOf(l.periodTo), Types.DATE);
                    lines.setObject(18, l.days, Types.INTEGER);
                    lines.setObject(19, l.daysInMonth, Types.INTEGER);
                    lines.setBigDecimal(20, l.monthlyFee);
                    lines.setBigDecimal(21, l.extendedFee);
                    lines.setBigDecimal(22, l.amount);
                    lines.addBatch();
                }
            }
            invoices.executeBatch(); // the invoices first: lines reference them
            lines.executeBatch();
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
