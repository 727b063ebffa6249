package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.MoneyView;
import com.poly.daas.billing.domain.ChargeHistoryEntry;
import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.billing.domain.PenaltyCharge;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the penalty API (A4, E5, B2, B3). */
public final class PenaltyViews {

    @Schema(name = "ChargeHistoryEntry", description = "One step of a charge's life")
    public record ChargeHistoryView(
            @Schema(example = "2026-10-15T07:00:00Z") Instant at,
            @Schema(example = "PENDING") String fromStatus,
            @Schema(example = "APPROVED") String toStatus,
            @Schema(description = "Agent id, or billing-service for what events did", example = "agent-7") String actor,
            @Schema(example = "Approved: third RMA this year for the same site, confirmed with the partner") String note) {

        static ChargeHistoryView of(ChargeHistoryEntry e) {
            return new ChargeHistoryView(e.occurredAt, e.fromStatus, e.toStatus, e.actor, e.note);
        }
    }

    @Schema(name = "PenaltyCharge", description = "B2: a penalty charge for one RMA and cause, at most once (B3). UNRETURNED_UNIT "
            + "(A4) is APPROVED at once; EXCESS_RMA (E5) is PENDING until an agent approves or waives it; without a list price "
            + "in force it is UNPRICED with the reason (never charged at zero). Only APPROVED charges are invoiced.")
    public record ChargeView(
            @Schema(example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(description = "The RMA the charge comes from", example = "RMA-2026-000123") String rmaId,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(description = "UNRETURNED_UNIT (A4) or EXCESS_RMA (E5)", example = "UNRETURNED_UNIT") String cause,
            @Schema(description = "Rules behind the charge", example = "[\"A4\",\"B2\",\"B3\"]") List<String> rules,
            @Schema(description = "PENDING, UNPRICED, APPROVED, WAIVED, INVOICED or CREDITED", example = "APPROVED") String status,
            @Schema(description = "The list price in force on the day the charge arose; absent while UNPRICED") MoneyView amount,
            @Schema(example = "NA-USD") String priceList,
            @Schema(description = "First day of the list price used", example = "2026-07-01") LocalDate priceValidFrom,
            @Schema(description = "B2: the day the charge arose (A4: first overdue day; E5: the RMA's authorisation day)",
                    example = "2026-10-14") LocalDate aroseOn,
            @Schema(description = "Why no list price could be used (UNPRICED)", example = "No NA-USD list price of CCX-500 in force on 2026-10-14 (B2).")
            String unpricedReason,
            @Schema(description = "What the cause's event said", example = "Return due on 2026-10-13, overdue from 2026-10-14 (A3, A4).")
            String details,
            @Schema(description = "The agent's reason to approve or waive", example = "Confirmed with the partner") String decisionReason,
            @Schema(example = "agent-7") String decidedBy,
            @Schema(description = "A4: the day a late unit arrived", example = "2026-10-30") LocalDate lateReturnOn,
            @Schema(description = "A4: what the late return changed (credit note within the grace window, else nothing)",
                    example = "Unit received on 2026-11-20, after the A4 grace window (30 days after 2026-10-14, last day 2026-11-13): the charge stands.")
            String lateReturnNote,
            @Schema(description = "The invoice that carries the charge", example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") String invoiceId,
            @Schema(example = "2026-10") String invoiceMonth,
            @Schema(example = "2026-10-14T05:00:00Z") Instant createdAt,
            @Schema(example = "2026-10-14T05:00:00Z") Instant updatedAt,
            @Schema(description = "Oldest first; only in single-charge responses") List<ChargeHistoryView> history) {

        static ChargeView of(PenaltyCharge c, List<ChargeHistoryEntry> history) {
            return new ChargeView(c.id.toString(), c.partnerId, c.customerId, c.contractId, c.rmaId, c.serial, c.sku,
                    c.cause.name(), BillingViews.rules(c.ruleIds), c.status.name(), MoneyView.of(c.amount, c.currency),
                    c.priceList, c.priceValidFrom, c.aroseOn, c.unpricedReason, c.details, c.decisionReason, c.decidedBy,
                    c.lateReturnOn, c.lateReturnNote, c.invoiceId == null ? null : c.invoiceId.toString(), c.invoiceMonth,
                    c.createdAt, c.updatedAt, history == null ? null : history.stream().map(ChargeHistoryView::of).toList());
        }

        static ChargeView of(PenaltyCharge c) {
            return of(c, null);
        }
    }

    @Schema(name = "CreditNote", description = "A4: the credit of an unreturned-unit charge whose unit arrived inside the grace window. "
            + "ISSUED: deducted on the customer's next monthly invoice (then INVOICED); OFFSET: the charge had not been invoiced, "
            + "so it never will be.")
    public record CreditNoteView(
            @Schema(example = "9b2f1c3e-1d4a-4f5b-8c6d-7e8f9a0b1c2d") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(description = "The credited charge", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") String chargeId,
            @Schema(description = "The RMA it comes from", example = "RMA-2026-000123") String rmaId,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "[\"A4\",\"B3\"]") List<String> rules,
            MoneyView amount,
            @Schema(example = "ISSUED") String status,
            @Schema(example = "Unit received on 2026-10-30, within the A4 grace window (last day 2026-11-13): credited on the next monthly invoice.")
            String reason,
            @Schema(example = "2026-10-30") LocalDate issuedOn,
            @Schema(example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") String invoiceId,
            @Schema(example = "2026-11") String invoiceMonth) {

        static CreditNoteView of(CreditNote n) {
            return new CreditNoteView(n.id.toString(), n.partnerId, n.customerId, n.contractId, n.chargeId.toString(),
                    n.rmaId, n.serial, BillingViews.rules(n.ruleIds), MoneyView.of(n.amount, n.currency), n.status, n.reason,
                    n.issuedOn, n.invoiceId == null ? null : n.invoiceId.toString(), n.invoiceMonth);
        }
    }

    @Schema(name = "ChargePrice", description = "The price an agent sets on an UNPRICED charge, in the charge's currency")
    public record PriceInput(
            @NotBlank @Pattern(regexp = "\\d{1,10}(\\.\\d{1,4})?", message = "must be a positive decimal string such as 249.00")
            @Schema(example = "249.00") String amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "USD") String currency) {
    }

    @Schema(name = "ChargeApproval", description = "E5: an agent approves a PENDING charge (or an UNPRICED one with its price)")
    public record Approval(
            @NotBlank(message = "is required: say why") @Size(max = 1000)
            @Schema(example = "Third RMA this year at the same site; confirmed with the partner") String reason,
            @Valid @Schema(description = "Only for an UNPRICED charge") PriceInput price) {
    }

    @Schema(name = "ChargeWaiver", description = "An agent waives a charge not yet invoiced, saying why")
    public record Waiver(
            @NotBlank(message = "is required: say why") @Size(max = 1000)
            @Schema(example = "Batch defect acknowledged by Poly engineering") String reason) {
    }

    private PenaltyViews() {
    }
}
