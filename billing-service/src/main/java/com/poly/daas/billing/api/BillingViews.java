package com.poly.daas.billing.api;

import com.poly.daas.billing.domain.BillableDevice;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.domain.InvoiceLine;
import com.poly.daas.billing.domain.InvoiceRun;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the billing API. */
public final class BillingViews {

    @Schema(name = "Money", description = "An amount as a decimal string with its ISO 4217 currency (never a float)")
    public record MoneyView(@Schema(example = "21.00") String amount, @Schema(example = "USD") String currency) {
        /** In the currency's minor unit ("21.00" USD), or with more digits only where a fee has them. */
        static MoneyView of(BigDecimal amount, String currency) {
            if (amount == null) {
                return null;
            }
            int digits = currency == null ? 2 : java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            BigDecimal plain = amount.stripTrailingZeros();
            return new MoneyView(plain.scale() <= digits ? plain.setScale(digits).toPlainString() : plain.toPlainString(), currency);
        }
    }

    @Schema(name = "BillableDevice", description = "A device under contract and its fees (B1)")
    public record BillableDeviceView(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "EXTENDED") String option,
            @Schema(description = "P3: the delivery date; not billed before it is known", example = "2026-10-11") LocalDate coverageStart,
            @Schema(description = "First day no longer covered", example = "2029-10-11") LocalDate coverageEnd,
            @Schema(example = "2027-03-01") LocalDate endedOn,
            MoneyView monthlyFee,
            @Schema(description = "Charged only with the EXTENDED option") MoneyView extendedFee) {

        static BillableDeviceView of(BillableDevice d) {
            return new BillableDeviceView(d.serial, d.sku, d.option, d.coverageStart, d.coverageEnd, d.endedOn,
                    MoneyView.of(d.monthlyFee, d.currency), MoneyView.of(d.extendedFee, d.currency));
        }
    }

    @Schema(name = "BillingAccount", description = "What is billable under one contract, as billing knows it from contract events")
    public record BillingAccountView(
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "USD") String currency,
            @Schema(description = "PENDING (not activated), ACTIVE or ENDED", example = "ACTIVE") String status,
            @Schema(example = "2026-09-01") LocalDate activatedOn,
            @Schema(description = "First day no longer billed", example = "2029-09-01") LocalDate endedOn,
            List<BillableDeviceView> devices) {

        static BillingAccountView of(BillingContract c, List<BillableDevice> devices) {
            return new BillingAccountView(c.contractId, c.partnerId, c.customerId, c.currency, c.status(), c.activatedOn,
                    c.endedOn, devices.stream().map(BillableDeviceView::of).toList());
        }
    }

    @Schema(name = "InvoiceLine", description = "One line and the rules behind it: DEVICE (B1: a covered device's fee, prorated "
            + "by day; B1,P4 for a replacement billed from the day it shipped), ADJUSTMENT (B1: an earlier month re-priced "
            + "after a late fact, referencing it in correctsMonth), CHARGE (B2: a penalty charge, with its RMA: A4 or E5) or "
            + "CREDIT (A4: a credit note, negative)")
    public record InvoiceLineView(
            @Schema(description = "1, 2, 3... in the invoice", example = "1") Integer lineNo,
            @Schema(description = "DEVICE, ADJUSTMENT, CHARGE or CREDIT", example = "DEVICE") String kind,
            @Schema(description = "Rule ids behind the line (docs/rules.md)", example = "[\"B1\"]") List<String> rules,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "STANDARD") String option,
            @Schema(description = "The month of service billed (DEVICE: the invoice's; ADJUSTMENT: the corrected one)", example = "2026-10")
            String serviceMonth,
            @Schema(description = "ADJUSTMENT: the earlier month this line corrects", example = "2026-09") String correctsMonth,
            @Schema(example = "2026-10-11") LocalDate periodFrom,
            @Schema(description = "Last billed day (inclusive)", example = "2026-10-31") LocalDate periodTo,
            @Schema(example = "21") Integer days,
            @Schema(example = "31") Integer daysInMonth,
            @Schema(description = "Full monthly fee") MoneyView monthlyFee,
            @Schema(description = "Full extended-coverage fee, when chosen") MoneyView extendedFee,
            @Schema(description = "DEVICE: (monthly + extended fee) x days / days in month, rounded half-up to the currency's "
                    + "minor unit; ADJUSTMENT: due now minus billed before for that month; CHARGE: the charge's list price; "
                    + "CREDIT: minus the credited charge") MoneyView amount,
            @Schema(description = "The penalty charge of a CHARGE or CREDIT line", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String chargeId,
            @Schema(description = "The credit note of a CREDIT line", example = "9b2f1c3e-1d4a-4f5b-8c6d-7e8f9a0b1c2d") String creditNoteId,
            @Schema(description = "The RMA a CHARGE or CREDIT line comes from", example = "RMA-2026-000123") String rmaId,
            @Schema(description = "Why the line is there, in words", example = "Corrects 2026-09 (billed 0.00, due 14.00): delivery date reported: covered from 2026-09-17 (P3).")
            String note) {

        static InvoiceLineView of(InvoiceLine l, String currency) {
            return new InvoiceLineView(l.lineNo, l.kind, BillingViews.rules(l.ruleIds), l.serial, l.sku, l.option,
                    l.serviceMonth, l.correctsMonth, l.periodFrom, l.periodTo, l.days, l.daysInMonth,
                    MoneyView.of(l.monthlyFee, currency), MoneyView.of(l.extendedFee, currency), MoneyView.of(l.amount, currency),
                    l.chargeId == null ? null : l.chargeId.toString(),
                    l.creditNoteId == null ? null : l.creditNoteId.toString(), l.rmaId, l.note);
        }
    }

    static List<String> rules(String ruleIds) {
        return ruleIds == null || ruleIds.isBlank() ? null : List.of(ruleIds.split(","));
    }

    @Schema(name = "Invoice", description = "B1: the monthly invoice of one contract, one per contract and month (B3), numbered "
            + "gap-free per issuing entity and year and never changed once issued. Tax is left to the partner's ERP: amounts "
            + "are net of tax.")
    public record InvoiceView(
            @Schema(example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") String id,
            @Schema(description = "Gap-free per issuing entity and year", example = "NA-2027-000123") String number,
            @Schema(description = "INVOICE, or CREDIT_NOTE when the total is negative (same number sequence)", example = "INVOICE")
            String documentType,
            @Schema(description = "NA or EMEA, from the customer's country (P2)", example = "NA") String issuingEntity,
            @Schema(description = "ISSUED, or CORRECTED once a later invoice carries an adjustment of its month", example = "ISSUED")
            String status,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(description = "The month invoiced", example = "2026-10") String month,
            MoneyView total,
            @Schema(description = "Invoice date, in the issuing entity's calendar", example = "2026-11-02") LocalDate issuedOn,
            @Schema(example = "2026-11-02T06:00:00Z") Instant issuedAt,
            @Schema(description = "Lines (detail only; absent in lists)") List<InvoiceLineView> lines) {

        static InvoiceView of(Invoice i, boolean corrected, boolean withLines) {
            return new InvoiceView(i.id.toString(), i.number, i.documentType, i.issuingEntity, corrected ? "CORRECTED" : "ISSUED",
                    i.partnerId, i.contractId, i.customerId, i.month, MoneyView.of(i.total, i.currency), i.issuedOn, i.issuedAt,
                    withLines ? i.lines.stream().map(l -> InvoiceLineView.of(l, i.currency)).toList() : null);
        }
    }

    @Schema(name = "NewInvoiceRun", description = "Invoice a month that has ended")
    public record NewInvoiceRun(
            @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM")
            @Schema(example = "2026-10") String month,
            @Pattern(regexp = "NA|EMEA", message = "must be NA or EMEA")
            @Schema(description = "Only this issuing entity's contracts (default both)", example = "NA") String issuingEntity) {
    }

    @Schema(name = "InvoiceRunProgress", description = "Contracts of the run by outcome")
    public record ProgressView(
            @Schema(description = "Contracts this run settled or holds", example = "1200") int contracts,
            @Schema(description = "Contracts of the run's month (and entity) not settled yet, by any run", example = "0") int pending,
            @Schema(example = "1180") int invoiced,
            @Schema(example = "19") int nothingDue,
            @Schema(example = "1") int failed) {
    }

    @Schema(name = "InvoiceRunContract", description = "One contract's outcome in a run (B1, B3)")
    public record ContractOutcomeView(
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "NA") String issuingEntity,
            @Schema(description = "PENDING, INVOICED, NOTHING_DUE or FAILED", example = "INVOICED") String status,
            @Schema(example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") String invoiceId,
            @Schema(example = "NA-2027-000123") String invoiceNumber,
            @Schema(description = "Why it failed, or what was found", example = "nothing billable in 2026-10") String detail,
            @Schema(example = "1") int attempts,
            @Schema(example = "2026-11-02T06:00:01Z") Instant updatedAt) {

        static ContractOutcomeView of(Object[] r) {
            return new ContractOutcomeView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], ((Number) r[7]).intValue(), r[8] == null ? null : toInstant(r[8]));
        }
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return Instant.parse(value.toString());
    }

    @Schema(name = "InvoiceRun", description = "A run and its progress; each contract is settled once per month whatever the runs (B3)")
    public record InvoiceRunView(
            @Schema(example = "6a1f0e2d-3c4b-4a59-8e7d-6c5b4a3f2e1d") String id,
            @Schema(example = "2026-10") String month,
            @Schema(description = "NA, EMEA, or absent for both", example = "NA") String issuingEntity,
            @Schema(description = "SCHEDULED or ON_DEMAND", example = "ON_DEMAND") String trigger,
            @Schema(description = "RUNNING or COMPLETED", example = "COMPLETED") String status,
            @Schema(example = "2026-11-02T06:00:00Z") Instant startedAt,
            @Schema(example = "2026-11-02T06:01:10Z") Instant finishedAt,
            @Schema(example = "admin-1") String requestedBy,
            @Schema(description = "Invoices this run issued", example = "1180") int invoicesCreated,
            ProgressView progress,
            @Schema(description = "The first failed contracts (all of them: listInvoiceRunOutcomes?status=FAILED)")
            List<ContractOutcomeView> failures) {

        static InvoiceRunView of(InvoiceRun r, List<Object[]> counts, int pending, int created, List<ContractOutcomeView> failures) {
            java.util.Map<String, Integer> by = new java.util.HashMap<>();
            for (Object[] c : counts) {
                by.put((String) c[0], ((Number) c[1]).intValue());
            }
            int total = by.values().stream().mapToInt(Integer::intValue).sum();
            return new InvoiceRunView(r.id.toString(), r.month, r.issuingEntity, r.trigger, r.status, r.startedAt, r.finishedAt,
                    r.requestedBy, created, new ProgressView(total, pending, by.getOrDefault("INVOICED", 0),
                    by.getOrDefault("NOTHING_DUE", 0), by.getOrDefault("FAILED", 0)), failures);
        }
    }

    private BillingViews() {
    }
}
