package com.poly.daas.billing.api;

import com.poly.daas.billing.api.PenaltyViews.Approval;
import com.poly.daas.billing.api.PenaltyViews.ChargeView;
import com.poly.daas.billing.api.PenaltyViews.Waiver;
import com.poly.daas.billing.domain.ChargeCause;
import com.poly.daas.billing.domain.ChargeStatus;
import com.poly.daas.billing.domain.PenaltyCharge;
import com.poly.daas.billing.persistence.ChargeRepository;
import com.poly.daas.billing.persistence.ChargeRepository.Filter;
import com.poly.daas.billing.service.Penalties;
import com.poly.daas.events.Money;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/")
@Tag(name = "Penalty charges", description = "A4 unreturned units and E5 excess RMAs, priced from the list in force (B2), once per RMA and cause (B3)")
@Produces(MediaType.APPLICATION_JSON)
public class ChargeResource {
    @Inject
    ChargeRepository charges;
    @Inject
    Penalties penalties;

    @GET
    @Path("/charges/{id}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getCharge", summary = "Get a penalty charge",
            description = "With its cause (A4 or E5), the RMA and serial it comes from, the rule ids, the list price in force on the "
                    + "day it arose (B2) or why it is UNPRICED, its status and its history. The ETag is for If-Match on approval "
                    + "and waiver. A partner sees only its own charges.")
    @APIResponse(responseCode = "200", description = "The charge", headers = @Header(name = "ETag", description = "Version for If-Match"),
            content = @Content(schema = @Schema(implementation = ChargeView.class)))
    @APIResponse(responseCode = "404", description = "No such charge visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Charge id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathParam("id") String id) {
        PenaltyCharge charge = charges.findByIdOptional(QueryParams.uuid("charge", id)).orElseThrow(() -> ApiProblem.notFound("charge", id));
        return Response.ok(ChargeView.of(charge, charges.history(charge.id))).tag(ETags.of(charge.version)).build();
    }

    @GET
    @Path("/charges")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listCharges", summary = "List penalty charges",
            description = "Newest first; filter by status, cause, customer and RMA; cursor pagination. A partner lists only its own "
                    + "charges, each with its rule ids and the RMA it comes from, to explain every penalty to its customer.")
    @APIResponse(responseCode = "200", description = "One page of charges")
    public Page<ChargeView> list(
            @Parameter(description = "Only charges in this status", example = "APPROVED", schema = @Schema(implementation = ChargeStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Only this cause", example = "UNRETURNED_UNIT", schema = @Schema(implementation = ChargeCause.class))
            @QueryParam("cause") String cause,
            @Parameter(description = "Only this customer's charges", example = "CU-20931") @QueryParam("customerId") String customerId,
            @Parameter(description = "Only this RMA's charges", example = "RMA-2026-000123") @QueryParam("rmaId") String rmaId,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        Filter filter = new Filter(QueryParams.enumValue(ChargeStatus.class, status, "status"),
                QueryParams.enumValue(ChargeCause.class, cause, "cause"), null, customerId, rmaId);
        return Page.of(charges.page(filter, page), page, ChargeRepository::sortKey, ChargeView::of, uri);
    }

    @GET
    @Path("/charge-queue")
    @Transactional
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listChargesAwaitingDecision", summary = "The agents' queue of charges awaiting a decision",
            description = "Agents and admins: PENDING charges (E5, never billed automatically) and UNPRICED ones (no list price in "
                    + "force, B2), oldest first; filter by status, cause, partner and customer; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of the queue")
    public Page<ChargeView> queue(
            @Parameter(description = "PENDING or UNPRICED only", example = "PENDING", schema = @Schema(enumeration = {"PENDING", "UNPRICED"}))
            @QueryParam("status") String status,
            @Parameter(description = "Only this cause", example = "EXCESS_RMA", schema = @Schema(implementation = ChargeCause.class))
            @QueryParam("cause") String cause,
            @Parameter(description = "Only this partner's charges", example = "P-1001") @QueryParam("partnerId") String partnerId,
            @Parameter(description = "Only this customer's charges", example = "CU-20931") @QueryParam("customerId") String customerId,
            @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
            @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        ChargeStatus only = QueryParams.enumValue(ChargeStatus.class, status, "status");
        if (only != null && !only.awaitsDecision()) {
            throw ApiProblem.invalidField("status", "the queue holds only PENDING and UNPRICED charges");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        Filter filter = new Filter(only, QueryParams.enumValue(ChargeCause.class, cause, "cause"), partnerId, customerId, null);
        return Page.of(charges.queue(filter, page), page, ChargeRepository::sortKey, ChargeView::of, uri);
    }

    @POST
    @Path("/charges/{id}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "approveCharge", summary = "Approve a charge",
            description = "Agents only. E5: a PENDING charge is billed only once an agent approves it, with the reason; an UNPRICED "
                    + "charge needs the price (in the charge's currency, never zero, B2). Any other status is 409 and nothing "
                    + "changes. Requires If-Match; audited. The approved charge goes on the customer's next monthly invoice.")
    @APIResponse(responseCode = "200", description = "Approved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ChargeView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or a price where none is taken",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such charge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The charge is not PENDING or UNPRICED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "B2: an UNPRICED charge approved without a price",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response approve(@Parameter(description = "Charge id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathParam("id") String id,
                            @Parameter(description = "ETag of the charge as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull Approval request) {
        Money price = request.price() == null ? null : new Money(new BigDecimal(request.price().amount()), request.price().currency());
        PenaltyCharge charge = penalties.approve(QueryParams.uuid("charge", id), ifMatch, request.reason(), price);
        return Response.ok(ChargeView.of(charge)).tag(ETags.of(charge.version)).build();
    }

    @POST
    @Path("/charges/{id}/waiver")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "waiveCharge", summary = "Waive a charge",
            description = "Agents only: a PENDING (E5), UNPRICED or APPROVED charge not yet invoiced is waived with the reason and "
                    + "never invoiced. An invoiced, credited or waived charge is 409 and nothing changes. Requires If-Match; audited.")
    @APIResponse(responseCode = "200", description = "Waived", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ChargeView.class)))
    @APIResponse(responseCode = "400", description = "No reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such charge",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The charge is already invoiced, credited or waived",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response waive(@Parameter(description = "Charge id", example = "7c9e6679-7425-40de-944b-e07fc1f90ae7") @PathParam("id") String id,
                          @Parameter(description = "ETag of the charge as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                          @HeaderParam(ETags.IF_MATCH) String ifMatch,
                          @Valid @NotNull Waiver request) {
        PenaltyCharge charge = penalties.waive(QueryParams.uuid("charge", id), ifMatch, request.reason());
        return Response.ok(ChargeView.of(charge)).tag(ETags.of(charge.version)).build();
    }
}
