package com.poly.daas.billing.api;

import com.poly.daas.billing.service.InvoiceExport;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.YearMonth;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/invoice-exports")
@Tag(name = "Invoices", description = "Monthly invoices per contract (B1), numbered and final, never twice for the same month (B3). "
        + "Tax is left to the partner's ERP: every amount is net of tax.")
public class InvoiceExportResource {
    static final String CSV = "text/csv";
    static final String JSON_LINES = "application/jsonl";

    @Inject
    InvoiceExport export;
    @Inject
    Caller caller;

    @GET
    @Path("/{month}")
    @Produces({CSV, JSON_LINES, Problem.MEDIA_TYPE})
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "exportInvoicesOfMonth", summary = "Export a month's invoices for an ERP",
            description = "B1: every invoice line of the month's invoices, the invoice header repeated on each line, in the "
                    + "stable column set documented in docs/billing.md (invoice_number, document_type, issuing_entity, "
                    + "invoice_id, issued_on, invoice_month, partner_id, customer_id, contract_id, currency, invoice_total, "
                    + "line_no, line_kind, rule_ids, serial, sku, coverage_option, service_month, corrects_month, period_from, "
                    + "period_to, days, days_in_month, monthly_fee, extended_fee, line_amount, rma_id, charge_id, "
                    + "credit_note_id), ordered by invoice number and line. format=csv (RFC 4180, header row) or jsonl (one "
                    + "JSON object per line, the same keys; money as decimal strings). Streamed as it is read. Tax is left "
                    + "to the partner's ERP: amounts are net of tax and no tax column exists. A partner exports only its "
                    + "own invoices (naming another partner is 404); staff may name one partner.")
    @APIResponse(responseCode = "200", description = "The month's invoice lines",
            content = {@Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    example = "invoice_number,document_type,...\r\nNA-2027-000123,INVOICE,...")),
                    @Content(mediaType = JSON_LINES, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                            example = "{\"invoice_number\":\"NA-2027-000123\",\"document_type\":\"INVOICE\"}"))})
    @APIResponse(responseCode = "400", description = "A malformed month or format",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Another partner named by a partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response export(@Parameter(description = "The month invoiced, YYYY-MM", example = "2026-10") @PathParam("month") String month,
                           @Parameter(description = "csv (default) or jsonl", example = "csv") @QueryParam("format") String format,
                           @Parameter(description = "Staff: only this partner's invoices", example = "P-1001") @QueryParam("partnerId") String partnerId) {
        if (month == null || !month.matches(InvoiceResource.MONTH)) {
            throw ApiProblem.invalidField("month", "must be a month as YYYY-MM");
        }
        InvoiceExport.Format as;
        if (format == null || format.isBlank() || format.equals("csv")) {
            as = InvoiceExport.Format.CSV;
        } else if (format.equals("jsonl")) {
            as = InvoiceExport.Format.JSONL;
        } else {
            throw ApiProblem.invalidField("format", "must be csv or jsonl");
        }
        String scope;
        if (caller.isPartner()) {
            scope = caller.actingFor(partnerId == null || partnerId.isBlank() ? null : partnerId);
        } else {
            scope = partnerId == null || partnerId.isBlank() ? "*" : partnerId;
        }
        YearMonth ym = YearMonth.parse(month);
        StreamingOutput body = out -> export.write(ym, scope, as, out);
        String type = as == InvoiceExport.Format.CSV ? CSV + "; charset=utf-8" : JSON_LINES + "; charset=utf-8";
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"invoices-" + month
                        + (as == InvoiceExport.Format.CSV ? ".csv" : ".jsonl") + "\"")
                .build();
    }
}
