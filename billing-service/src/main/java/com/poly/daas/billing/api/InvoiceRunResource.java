package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.InvoiceRunView;
import com.poly.daas.billing.api.BillingViews.NewInvoiceRun;
import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.service.MonthlyInvoicing;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/invoice-runs")
@Tag(name = "Invoice runs", description = "Monthly invoicing (B1), at most once per contract and month (B3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceRunResource {
    @Inject
    MonthlyInvoicing invoicing;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "invoiceMonth", summary = "Invoice a month",
            description = "Admins only. B1: issues, for every contract active in the month, one invoice with a line per covered "
                    + "device: the monthly fee plus the extended-coverage fee where chosen, prorated by day for a partial month. "
                    + "B3: a contract already invoiced for the month is never billed again; the run lists its existing invoice "
                    + "instead (runs of one month are serialised). Only a month that has ended can be invoiced (422, B1). "
                    + "Publishes InvoiceIssued per invoice. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "The run, with the invoices it issued and those that existed already",
            headers = @Header(name = "Location", description = "URL of the run"),
            content = @Content(schema = @Schema(implementation = InvoiceRunView.class)))
    @APIResponse(responseCode = "422", description = "The month has not ended (B1), or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                    example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                        @Valid @NotNull NewInvoiceRun request, @Context UriInfo uri) {
        YearMonth month = YearMonth.parse(request.month());
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            MonthlyInvoicing.Outcome outcome = invoicing.run(month);
            return Response.created(uri.getBaseUriBuilder().path("invoice-runs").path(outcome.run().id.toString()).build())
                    .entity(InvoiceRunView.of(outcome.run(), outcome.issued(), outcome.alreadyInvoiced())).build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(operationId = "getInvoiceRun", summary = "Get an invoice run", description = "Staff only: the month, who ran it, and the invoices it issued (B1, B3).")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = InvoiceRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvoiceRunView get(@Parameter(description = "Run id", example = "6a1f0e2d-3c4b-4a59-8e7d-6c5b4a3f2e1d") @PathParam("id") String id) {
        UUID runId = QueryParams.uuid("invoice run", id);
        InvoiceRun run = InvoiceRun.<InvoiceRun>findByIdOptional(runId).orElseThrow(() -> ApiProblem.notFound("invoice run", id));
        return InvoiceRunView.of(run, invoicing.issuedBy(runId), null);
    }
}
