package com.poly.daas.rma.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.rma.api.RmaViews.NewRma;
import com.poly.daas.rma.api.RmaViews.ReturnReceipt;
import com.poly.daas.rma.api.RmaViews.RmaView;
import com.poly.daas.rma.api.RmaViews.Shipment;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaStatus;
import com.poly.daas.rma.persistence.RmaRepository;
import com.poly.daas.rma.service.AdvanceReplacements;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/rmas")
@Tag(name = "RMAs", description = "Advance replacements of failed covered hardware (A1-A3, E2, E4)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RmaResource {
    @Inject
    RmaRepository rmas;
    @Inject
    AdvanceReplacements replacements;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(operationId = "authoriseReplacement", summary = "Request an advance replacement",
            description = "Partners (for themselves) and agents (naming the partner). Refused with 422 and the rule id: E4 when the "
                    + "cause is never covered (fire, intentional damage, wear and tear, cosmetic, theft, loss); P3 when the device "
                    + "is not covered today per the coverage replica built from contract-service's events; E2 for liquid or drop "
                    + "damage without the extended option; P2 for a ship-to site outside North America and EMEA. A1: the ship "
                    + "date is the same business day when authorised before the cut-off (default 15:00 local at the ship-from "
                    + "service centre), else the next business day; delivery is expected the next business day of the customer. "
                    + "Publishes RmaAuthorised. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Authorised",
            headers = {@Header(name = "Location", description = "URL of the RMA"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "A partner named another partner in partnerId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Refused by a rule (E4, P3, E2, P2; 'rule' names it), or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                    example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                            @Valid @NotNull NewRma request, @Context UriInfo uri) {
        String partnerId = caller.actingFor(request.partnerId());
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Rma rma = replacements.authorise(request, partnerId);
            return Response.created(uri.getBaseUriBuilder().path("rmas").path(rma.id.toString()).build())
                    .tag(ETags.of(rma.version)).entity(RmaView.of(rma)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "getRma", summary = "Get an RMA", description = "With its ETag, A1 ship date and A3 return due date. A partner sees only its own RMAs; others are 404.")
    @APIResponse(responseCode = "200", description = "The RMA", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id) {
        Rma rma = rmas.findByIdOptional(QueryParams.uuid("RMA", id)).orElseThrow(() -> ApiProblem.notFound("RMA", id));
        return Response.ok(RmaView.of(rma)).tag(ETags.of(rma.version)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listRmas", summary = "List RMAs", description = "Newest first; filter by status and serial; cursor pagination. A partner lists only its own RMAs.")
    @APIResponse(responseCode = "200", description = "One page of RMAs")
    public Page<RmaView> list(@Parameter(description = "Only RMAs in this status", example = "AUTHORISED", schema = @Schema(implementation = RmaStatus.class))
                              @QueryParam("status") String status,
                              @Parameter(description = "Only RMAs of this device serial", example = "64167F2A9C01") @QueryParam("serial") String serial,
                              @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                              @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                              @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(rmas.page(QueryParams.enumValue(RmaStatus.class, status, "status"), serial, page), page, RmaRepository::sortKey, RmaView::of, uri);
    }

    @POST
    @Path("/{id}/shipment")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "recordReplacementShipment", summary = "Record the replacement's shipment",
            description = "Agents only; requires If-Match; the RMA must be AUTHORISED (409 otherwise). A1: delivery is expected the "
                    + "next business day of the customer's calendar. A3: the return clock starts now with a provisional due date "
                    + "= expected delivery + 10 business days of the customer's country. Publishes ReplacementShipped (P4: the "
                    + "replacement inherits the original's period).")
    @APIResponse(responseCode = "200", description = "Shipped", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not AUTHORISED (A1)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ship(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id,
                         @Parameter(description = "ETag of the RMA as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                         @HeaderParam(ETags.IF_MATCH) String ifMatch,
                         @Valid @NotNull Shipment request) {
        Rma rma = replacements.ship(QueryParams.uuid("RMA", id), request, ifMatch);
        return Response.ok(RmaView.of(rma)).tag(ETags.of(rma.version)).build();
    }

    @POST
    @Path("/{id}/return-receipt")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "recordDefectiveReceipt", summary = "Record the defective unit's receipt",
            description = "Agents only; requires If-Match; the RMA must be SHIPPED (409 otherwise). A2: the unit becomes Poly's "
                    + "property; A3: the return clock stops and a receipt after the due date is flagged late (A4 penalties, "
                    + "later). Publishes DefectiveUnitReceived.")
    @APIResponse(responseCode = "200", description = "Received", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not SHIPPED (A3)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id,
                            @Parameter(description = "ETag of the RMA as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull ReturnReceipt request) {
        Rma rma = replacements.receiveDefectiveUnit(QueryParams.uuid("RMA", id), request, ifMatch);
        return Response.ok(RmaView.of(rma)).tag(ETags.of(rma.version)).build();
    }
}
