package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.ContractOutcomeView;
import com.poly.daas.billing.api.BillingViews.InvoiceRunView;
import com.poly.daas.billing.api.BillingViews.NewInvoiceRun;
import com.poly.daas.billing.domain.InvoiceRun;
import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.billing.service.InvoiceRuns;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> OUTCOMES = Set.of("PENDING", "INVOICED", "NOTHING_DUE", "FAILED");

    @Inject
    InvoiceRuns runs;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager em;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "invoiceMonth", summary = "Invoice a month",
            description = "Admins only: an on-demand run of a month that has ended (else 422 B1; the monthly runs are also "
                    + "scheduled by themselves on the first business day of each month, per issuing entity). B1: every "
                    + "contract active in the month gets one invoice, numbered gap-free per issuing entity and year "
                    + "(NA-2027-000123), with a line per covered device: the monthly fee plus the extended-coverage fee where "
                    + "chosen, prorated by day, a replacement billed from the day it shipped (P4); adjustment lines correcting "
                    + "earlier months whose facts arrived late; approved penalty charges (B2) and credit notes (A4). Each "
                    + "contract is invoiced in its own transaction: one failing contract is reported in the run's outcome, "
                    + "the others are invoiced; a contract failed earlier is retried. B3: a contract already invoiced for "
                    + "the month is never billed again, whatever the runs or replicas. Answers 202 at once: follow the run "
                    + "(GET) for its progress. Publishes InvoiceIssued per invoice. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "202", description = "The run, started",
            headers = @Header(name = "Location", description = "URL of the run"),
            content = @Content(schema = @Schema(implementation = InvoiceRunView.class)))
    @APIResponse(responseCode = "400", description = "Malformed month or issuing entity",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The month has not ended (B1), or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response run(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                    example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                        @Valid @NotNull NewInvoiceRun request, @Context UriInfo uri) {
        YearMonth month = YearMonth.parse(request.month());
        IssuingEntity entity = request.issuingEntity() == null ? null
                : QueryParams.enumValue(IssuingEntity.class, request.issuingEntity(), "issuingEntity");
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            InvoiceRun run = runs.startOnDemand(month, entity, caller.id());
            audit.recordStaffChange("invoice-run.started", "InvoiceRun", run.id.toString(), null,
                    Map.of("month", run.month, "issuingEntity", String.valueOf(run.issuingEntity)));
            return Response.accepted(view(run)).location(uri.getBaseUriBuilder().path("invoice-runs").path(run.id.toString()).build())
                    .build();
        });
    }

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(operationId = "getInvoiceRun", summary = "Get an invoice run",
            description = "Staff only: the month, issuing entity, trigger (SCHEDULED or ON_DEMAND), status (RUNNING, "
                    + "COMPLETED) and progress: the contracts it settled by outcome (INVOICED, NOTHING_DUE, FAILED) and "
                    + "those of its month still PENDING, with the first failures and why (B1, B3).")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = InvoiceRunView.class)))
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public InvoiceRunView get(@Parameter(description = "Run id", example = "6a1f0e2d-3c4b-4a59-8e7d-6c5b4a3f2e1d") @PathParam("id") String id) {
        UUID runId = QueryParams.uuid("invoice run", id);
        InvoiceRun run = InvoiceRun.<InvoiceRun>findByIdOptional(runId).orElseThrow(() -> ApiProblem.notFound("invoice run", id));
        return view(run);
    }

    @GET
    @Path("/{id}/contracts")
    @Transactional
    @RolesAllowed({Roles.ADMIN, Roles.AGENT})
    @Operation(operationId = "listInvoiceRunOutcomes", summary = "List a run's per-contract outcomes",
            description = "Staff only: each contract the run settled (or that is still pending in it), by contract id, with "
                    + "its outcome (INVOICED with the invoice id and number, NOTHING_DUE, FAILED with the reason, PENDING) "
                    + "(B1, B3); filter by outcome; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of outcomes")
    @APIResponse(responseCode = "404", description = "No such run",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ContractOutcomeView> outcomes(
            @Parameter(description = "Run id", example = "6a1f0e2d-3c4b-4a59-8e7d-6c5b4a3f2e1d") @PathParam("id") String id,
            @Parameter(description = "Only this outcome: PENDING, INVOICED, NOTHING_DUE or FAILED", example = "FAILED") @QueryParam("status") String status,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6Qy03NzgxMQ") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        UUID runId = QueryParams.uuid("invoice run", id);
        InvoiceRun.<InvoiceRun>findByIdOptional(runId).orElseThrow(() -> ApiProblem.notFound("invoice run", id));
        if (status != null && !OUTCOMES.contains(status)) {
            throw ApiProblem.invalidField("status", "must be one of PENDING, INVOICED, NOTHING_DUE, FAILED");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select contract_id, partner_id, issuing_entity, status, cast(invoice_id as varchar), invoice_number, detail,
                               attempts, updated_at
                        from invoice_run_contract where run_id = ?1 and (?2 = '*' or status = ?2) and contract_id > ?3
                        order by contract_id limit ?4""")
                .setParameter(1, runId).setParameter(2, status == null ? "*" : status)
                .setParameter(3, page.after() == null ? "" : page.after()).setParameter(4, page.limit() + 1).getResultList();
        return Page.of(rows.stream().map(ContractOutcomeView::of).toList(), page, ContractOutcomeView::contractId, o -> o, uri);
    }

    private InvoiceRunView view(InvoiceRun run) {
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("""
                        select status, count(*) from invoice_run_contract where run_id = ?1 group by status""")
                .setParameter(1, run.id).getResultList();
        Number pending = (Number) em.createNativeQuery("""
                        select count(*) from invoice_run_contract where month = ?1 and status = 'PENDING'
                        and (?2 = '*' or issuing_entity = ?2)""")
                .setParameter(1, run.month).setParameter(2, run.issuingEntity == null ? "*" : run.issuingEntity).getSingleResult();
        Number created = (Number) em.createNativeQuery("select count(*) from invoice where run_id = ?1")
                .setParameter(1, run.id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> failures = em.createNativeQuery("""
                        select contract_id, partner_id, issuing_entity, status, cast(invoice_id as varchar), invoice_number, detail,
                               attempts, updated_at
                        from invoice_run_contract where run_id = ?1 and status = 'FAILED' order by contract_id limit 20""")
                .setParameter(1, run.id).getResultList();
        return InvoiceRunView.of(run, counts, pending.intValue(), created.intValue(),
                failures.stream().map(ContractOutcomeView::of).toList());
    }
}
