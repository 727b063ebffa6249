package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.InvoiceView;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.persistence.InvoiceRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/invoices")
@Tag(name = "Invoices", description = "Monthly invoices per contract (B1), numbered and final, never twice for the same month (B3). "
        + "Tax is left to the partner's ERP: every amount is net of tax.")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {
    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    InvoiceRepository invoices;
    @Inject
    Caller caller;

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getInvoice", summary = "Get an invoice",
            description = "Its number (gap-free per issuing entity and year), status and lines, each with the rule ids behind it: "
                    + "DEVICE (B1: the monthly fee plus the extended fee where chosen, prorated by day; P4 for a replacement, "
                    + "billed from the day it shipped), ADJUSTMENT (B1: an earlier month re-priced after a late fact, "
                    + "referencing it), CHARGE (B2 with A4 or E5, and the RMA) and CREDIT (A4). An issued invoice never "
                    + "changes. Money is a decimal string with its currency; tax is left to the partner's ERP. A partner "
                    + "sees only its own invoices (another's is 404).")
    @APIResponse(responseCode = "200", description = "The invoice", content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "404", description = "No such invoice visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvoiceView get(@Parameter(description = "Invoice id", example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") @PathParam("id") String id) {
        Invoice invoice = invoices.findByIdOptional(QueryParams.uuid("invoice", id)).orElseThrow(() -> ApiProblem.notFound("invoice", id));
        return InvoiceView.of(invoice, invoices.corrected(List.of(invoice)).contains(invoice.id), true);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listInvoices", summary = "List invoices",
            description = "Newest first, without their lines (getInvoice has them); filter by partner (staff), customer, "
                    + "contract, period (month, or from/to months inclusive), status (ISSUED, or CORRECTED once a later "
                    + "invoice adjusts its month) and document type (INVOICE, CREDIT_NOTE); cursor pagination (B1). A partner "
                    + "lists only its own invoices; naming another partner is 404.")
    @APIResponse(responseCode = "200", description = "One page of invoices")
    @APIResponse(responseCode = "400", description = "A malformed month, status or type",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<InvoiceView> list(@Parameter(description = "Staff: only this partner's invoices", example = "P-1001") @QueryParam("partnerId") String partnerId,
                                  @Parameter(description = "Only this customer's invoices", example = "CU-20931") @QueryParam("customerId") String customerId,
                                  @Parameter(description = "Only this contract's invoices", example = "C-7781") @QueryParam("contractId") String contractId,
                                  @Parameter(description = "Only this month", example = "2026-10") @QueryParam("month") String month,
                                  @Parameter(description = "Months from (inclusive)", example = "2026-01") @QueryParam("from") String from,
                                  @Parameter(description = "Months to (inclusive)", example = "2026-12") @QueryParam("to") String to,
                                  @Parameter(description = "ISSUED or CORRECTED", example = "ISSUED") @QueryParam("status") String status,
                                  @Parameter(description = "INVOICE or CREDIT_NOTE", example = "INVOICE") @QueryParam("type") String type,
                                  @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                  @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                  @Context UriInfo uri) {
        month("month", month);
        month("from", from);
        month("to", to);
        if (status != null && !Set.of("ISSUED", "CORRECTED").contains(status)) {
            throw ApiProblem.invalidField("status", "must be ISSUED or CORRECTED");
        }
        if (type != null && !Set.of("INVOICE", "CREDIT_NOTE").contains(type)) {
            throw ApiProblem.invalidField("type", "must be INVOICE or CREDIT_NOTE");
        }
        String partner = partnerId == null || partnerId.isBlank() ? null : partnerId;
        if (partner != null && caller.isPartner()) {
            partner = caller.actingFor(partner); // another partner's id: 404, never its data
        }
        String fromMonth = month != null && !month.isBlank() ? month : blankToNull(from);
        String toMonth = month != null && !month.isBlank() ? month : blankToNull(to);
        PageRequest page = PageRequest.of(limit, cursor);
        List<Invoice> rows = invoices.page(new InvoiceRepository.Filter(partner, customerId, contractId, fromMonth, toMonth,
                status, type), page);
        Set<UUID> corrected = invoices.corrected(rows);
        return Page.of(rows, page, InvoiceRepository::sortKey, i -> InvoiceView.of(i, corrected.contains(i.id), false), uri);
    }

    static void month(String field, String value) {
        if (value != null && !value.isBlank() && !value.matches(MONTH)) {
            throw ApiProblem.invalidField(field, "must be a month as YYYY-MM");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
