package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.InvoiceView;
import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.billing.persistence.InvoiceRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.api.Problem;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/invoices")
@Tag(name = "Invoices", description = "Monthly invoices per contract (B1), never twice for the same month (B3)")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {
    @Inject
    InvoiceRepository invoices;

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getInvoice", summary = "Get an invoice",
            description = "With one line per covered device: the monthly fee plus the extended fee where chosen, prorated by day "
                    + "for a partial month (B1). Money is a decimal string with its currency. A partner sees only its own invoices.")
    @APIResponse(responseCode = "200", description = "The invoice", content = @Content(schema = @Schema(implementation = InvoiceView.class)))
    @APIResponse(responseCode = "404", description = "No such invoice visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvoiceView get(@Parameter(description = "Invoice id", example = "0d6b8f5e-2c1a-4e7b-9f3d-5a4c3b2a1f0e") @PathParam("id") String id) {
        Invoice invoice = invoices.findByIdOptional(QueryParams.uuid("invoice", id)).orElseThrow(() -> ApiProblem.notFound("invoice", id));
        return InvoiceView.of(invoice);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listInvoices", summary = "List invoices",
            description = "Newest first; filter by contract and month (YYYY-MM); cursor pagination. A partner lists only its own invoices.")
    @APIResponse(responseCode = "200", description = "One page of invoices")
    public Page<InvoiceView> list(@Parameter(description = "Only this contract's invoices", example = "C-7781") @QueryParam("contractId") String contractId,
                                  @Parameter(description = "Only this month", example = "2026-10") @QueryParam("month") String month,
                                  @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                  @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                  @Context UriInfo uri) {
        if (month != null && !month.isBlank() && !month.matches("\\d{4}-(0[1-9]|1[0-2])")) {
            throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(invoices.page(contractId, month, page), page, InvoiceRepository::sortKey, InvoiceView::of, uri);
    }
}
