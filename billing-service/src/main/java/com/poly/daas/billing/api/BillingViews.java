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

    @Schema(name = "InvoiceLine", description = "B1: one covered device's charge, prorated by day for a partial month; B2: a penalty "
            + "charge (kind CHARGE, with its RMA and rule ids); A4: a credit note (kind CREDIT, negative amount)")
    public record InvoiceLineView(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "STANDARD") String option,
            @Schema(example = "2026-10-11") LocalDate periodFrom,
            @Schema(description = "Last billed day (inclusive)", example = "2026-10-31") LocalDate periodTo,
            @Schema(example = "21") Integer days,
            @Schema(example = "31") Integer daysInMonth,
            @Schema(description = "Full monthly fee") MoneyView monthlyFee,
            @Schema(description = "Full extended-coverage fee, when chosen") MoneyView extendedFee,
            @Schema(description = "DEVICE: (monthly + extended fee) x days / days in month, rounded half-up; CHARGE: the "
                    + "charge's list price; CREDIT: minus the credited charge") MoneyView amount,
            @Schema(description = "DEVICE (B1), CHARGE (B2) or CREDIT (A4)", example = "DEVICE") String kind,
            @Schema(description = "The penalty charge of a CHARGE or CREDIT line", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String chargeId,
            @Schema(description = "The credit note of a CREDIT line", example = "9b2f1c3e-1d4a-4f5b-8c6d-7e8f9a0b1c2d") String creditNoteId,
            @Schema(description = "The RMA a CHARGE or CREDIT line comes from", example = "RMA-2026-000123") String rmaId,
            @Schema(description = "Rules behind a CHARGE or CREDIT line", example = "[\"A4\",\"B2\",\"B3\"]") List<String> rules) {

        static InvoiceLineView of(InvoiceLine l, String currency) {
            return new InvoiceLineView(l.serial, l.sku, l.option, l.periodFrom, l.periodTo, l.days, l.daysInMonth,
                    MoneyView.of(l.monthlyFee, currency), MoneyView.of(l.extendedFee, currency), MoneyView.of(l.amount, currency),
                    l.kind, l.chargeId == null ? null : l.chargeId.toString(),
                    l.creditNoteId == null ? null : l.creditNoteId.toString(), l.rmaId, BillingViews.rules(l.ruleIds));
        }
    }

    static List<String> rules(String ruleIds) {
        return ruleIds == null || ruleIds.isBlank() ? null : List.of(ruleIds.split(","));
    }

    @Schema(name = "Invoice", description = "B1: the monthly invoice of one contract; one per contract and month (B3)")
    public record InvoiceView(
            @Schema(example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "2026-10") String month,
            MoneyView total,
            @Schema(example = "2026-11-01T06:00:00Z") Instant issuedAt,
            List<InvoiceLineView> lines) {

        static InvoiceView of(Invoice i) {
            return new InvoiceView(i.id.toString(), i.partnerId, i.contractId, i.customerId, i.month,
                    MoneyView.of(i.total, i.currency), i.issuedAt,
                    i.lines.stream().map(l -> InvoiceLineView.of(l, i.currency)).toList());
        }
    }

    @Schema(name = "NewInvoiceRun", description = "Invoice a month that has ended")
    public record NewInvoiceRun(
            @NotBlank @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as YYYY-MM")
            @Schema(example = "2026-10") String month) {
    }

    @Schema(name = "InvoiceRun", description = "What a run did; contracts invoiced earlier are listed, never billed again (B3)")
    public record InvoiceRunView(
            @Schema(example = "6a1f0e2d-3c4b-4a59-8e7d-6c5b4a3f2e1d") String id,
            @Schema(example = "2026-10") String month,
            @Schema(example = "2026-11-01T06:00:00Z") Instant startedAt,
            @Schema(example = "admin-1") String requestedBy,
            @Schema(example = "12") int invoicesCreated,
            @Schema(description = "B3: contracts of the month already invoiced by an earlier run", example = "0") int alreadyInvoiced,
            @Schema(description = "Ids of the invoices this run issued") List<String> issuedInvoiceIds,
            @Schema(description = "Ids of the existing invoices of the month (returned, not re-issued); only in the run's own response")
            List<String> existingInvoiceIds) {

        static InvoiceRunView of(InvoiceRun r, List<Invoice> issued, List<Invoice> existing) {
            return new InvoiceRunView(r.id.toString(), r.month, r.startedAt, r.requestedBy, r.invoicesCreated,
                    r.alreadyInvoiced, issued.stream().map(i -> i.id.toString()).toList(),
                    existing == null ? null : existing.stream().map(i -> i.id.toString()).toList());
        }
    }

    private BillingViews() {
    }
}
