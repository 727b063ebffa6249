package com.poly.daas.billing.api;

import com.poly.daas.billing.api.PenaltyViews.CreditNoteView;
import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.billing.persistence.CreditNoteRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
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

@Path("/credit-notes")
@Tag(name = "Credit notes", description = "A4: credits of unreturned-unit charges whose unit arrived inside the grace window")
@Produces(MediaType.APPLICATION_JSON)
public class CreditNoteResource {
    @Inject
    CreditNoteRepository notes;

    @GET
    @Path("/{id}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getCreditNote", summary = "Get a credit note",
            description = "A4: with the charge it credits, the RMA it comes from and the rule ids. A partner sees only its own.")
    @APIResponse(responseCode = "200", description = "The credit note", content = @Content(schema = @Schema(implementation = CreditNoteView.class)))
    @APIResponse(responseCode = "404", description = "No such credit note visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CreditNoteView get(@Parameter(description = "Credit note id", example = "9b2f1c3e-1d4a-4f5b-8c6d-7e8f9a0b1c2d") @PathParam("id") String id) {
        CreditNote note = notes.findByIdOptional(QueryParams.uuid("credit note", id)).orElseThrow(() -> ApiProblem.notFound("credit note", id));
        return CreditNoteView.of(note);
    }

    @GET
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listCreditNotes", summary = "List credit notes",
            description = "Newest first; filter by customer and RMA; cursor pagination. A partner lists only its own.")
    @APIResponse(responseCode = "200", description = "One page of credit notes")
    public Page<CreditNoteView> list(
            @Parameter(description = "Only this customer's credit notes", example = "CU-20931") @QueryParam("customerId") String customerId,
            @Parameter(description = "Only this RMA's credit notes", example = "RMA-2026-000123") @QueryParam("rmaId") String rmaId,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(notes.page(customerId, rmaId, page), page, CreditNoteRepository::sortKey, CreditNoteView::of, uri);
    }
}
