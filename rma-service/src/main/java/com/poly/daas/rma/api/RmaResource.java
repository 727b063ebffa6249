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
import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.rma.api.RmaViews.Delivery;
import com.poly.daas.rma.api.RmaViews.NewRma;
import com.poly.daas.rma.api.RmaViews.ReturnReceipt;
import com.poly.daas.rma.api.RmaViews.RmaView;
import com.poly.daas.rma.api.RmaViews.Shipment;
import com.poly.daas.rma.domain.FailureReport;
import com.poly.daas.rma.domain.Rejection;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaStatus;
import com.poly.daas.rma.persistence.RmaRepository;
import com.poly.daas.rma.service.AdvanceReplacements;
import com.poly.daas.rma.service.Calendars;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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
    @Inject
    Calendars calendars;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    @POST
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "authoriseReplacement", summary = "Open an advance replacement as a Poly agent",
            description = "An RMA normally opens by itself from a ticket triaged as a hardware failure (S3, HardwareFailureConfirmed). "
                    + "This operation is for Poly agents only, with a reason kept in the audit trail; partners get 403 and track "
                    + "their RMAs from their tickets. A given ticketId must be a ticket whose confirmed failure reached this service "
                    + "(else 422 naming ticketId). Refused with 422 and the rule id: E4 when the cause is never covered (fire, "
                    + "intentional damage, wear and tear, cosmetic, theft, loss); P2 for a site outside North America and EMEA; P3 "
                    + "when the device is not covered today (the customer's calendar day, P4 decision) per the coverage replica; E2 "
                    + "for liquid or drop damage without the extended option. 409 (rule A1) when the device already has an open RMA, "
                    + "named in the problem. A1: the ship date is the same business day when authorised before the cut-off "
                    + "(default 15:00 local at the ship-from service centre), else the next business day. Publishes RmaAuthorised.")
    @APIResponse(responseCode = "201", description = "Authorised",
            headers = {@Header(name = "Location", description = "URL of the RMA"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "409", description = "The device already has an open RMA (A1; openRmaId in the detail)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Refused by a rule (E4, P2, P3, E2; 'rule' names it), or an unknown ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                    example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                            @Valid @NotNull NewRma request, @Context UriInfo uri) {
        String partnerId = caller.actingFor(request.partnerId());
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            requireKnownTicket(request, partnerId);
            var outcome = replacements.authorise(new AdvanceReplacements.Order(request.serial(), partnerId, request.cause(),
                    request.shipTo().country(), request.shipTo().subdivision(), request.shipTo().timeZone(), request.ticketId(),
                    "AGENT", request.reason()));
            if (!outcome.authorised()) {
                throw problem(outcome.rejection());
            }
            Rma rma = outcome.rma();
            return Response.created(uri.getBaseUriBuilder().path("rmas").path(rma.id.toString()).build())
                    .tag(ETags.of(rma.version)).entity(view(rma)).build();
        });
    }

    /** The api layer's mapping of a policy's rejection: 409 for the open RMA (A1), else 422 with the rule id. */
    static ApiProblem problem(Rejection r) {
        ApiProblem problem = r.isOpenRma()
                ? ApiProblem.conflict(r.slug(), r.title(), r.reason(), r.rule()).header("Location", "/rmas/" + r.openRmaId())
                : ApiProblem.ruleViolation(r.rule(), r.slug(), r.title(), r.reason());
        return problem.field(r.field(), r.title() + " (" + r.rule() + ")");
    }

    private void requireKnownTicket(NewRma request, String partnerId) {
        if (request.ticketId() == null) {
            return;
        }
        FailureReport report = em.find(FailureReport.class, request.ticketId());
        if (report == null || !report.partnerId.equals(partnerId) || !report.serial.equals(request.serial())) {
            throw ApiProblem.ruleViolation("S3", "unknown-ticket", "Unknown ticket",
                    "No ticket " + request.ticketId() + " of partner " + partnerId + " with a confirmed hardware failure of device "
                            + request.serial() + " reached this service (S3).").field("ticketId", "unknown ticket for this device");
        }
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
        return Response.ok(view(rma)).tag(ETags.of(rma.version)).build();
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
        return Page.of(rmas.page(QueryParams.enumValue(RmaStatus.class, status, "status"), serial, page), page, RmaRepository::sortKey, this::view, uri);
    }

    @GET
    @Path("/overdue")
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listOverdueReturns", summary = "List overdue returns (agents)",
            description = "RMAs whose defective unit was not back by its due date in the customer's time zone (A3 → A4, "
                    + "ReturnOverdue published), soonest due first; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of overdue RMAs")
    public Page<RmaView> overdue(@Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                 @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "MjAyNy0wMS0wOHw4YTdi")
                                 @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(rmas.overdue(page), page, RmaRepository::dueKey, this::view, uri);
    }

    @GET
    @Path("/due")
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listReturnsDueSoon", summary = "List returns due soon (agents)",
            description = "RMAs awaiting their defective unit (SHIPPED or DELIVERED) that are due within the given number of "
                    + "business days of today, both counted in each customer's calendar and time zone (A3, S1), soonest due "
                    + "first; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of RMAs due soon")
    @APIResponse(responseCode = "400", description = "withinBusinessDays missing or outside 0-60",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<RmaView> due(@Parameter(description = "Due within this many business days (0 = due today), 0-60", example = "3", required = true)
                             @QueryParam("withinBusinessDays") Integer withinBusinessDays,
                             @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                             @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "MjAyNy0wMS0wOHw4YTdi")
                             @QueryParam("cursor") String cursor,
                             @Context UriInfo uri) {
        if (withinBusinessDays == null || withinBusinessDays < 0 || withinBusinessDays > 60) {
            throw ApiProblem.invalidField("withinBusinessDays", "is required, 0 to 60");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        Map<String, LocalDate> bounds = new LinkedHashMap<>();
        for (String site : rmas.sitesAwaitingReturn()) {
            String[] key = site.split("\\|", -1);
            BusinessCalendar calendar = calendars.customer(key[0], key[1].isEmpty() ? null : key[1], key[2]);
            LocalDate today = clock.instant().atZone(calendar.zone()).toLocalDate();
            bounds.put(site, calendar.addBusinessDays(today, withinBusinessDays));
        }
        return Page.of(rmas.dueBy(bounds, page), page, RmaRepository::dueKey, this::view, uri);
    }

    @POST
    @Path("/{id}/shipment")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "recordReplacementShipment", summary = "Record the replacement's shipment",
            description = "Agents only; requires If-Match; the RMA must be AUTHORISED (409 otherwise). The replacement must be a "
                    + "device registered in the device registry (422 A1) of the defective unit's model (422 P4), with the carrier "
                    + "and tracking number. A1: delivery is expected the next business day of the customer's calendar. A3: the return clock starts now with a provisional due date "
                    + "= expected delivery + 10 business days of the customer's country. Publishes ReplacementShipped (P4: the "
                    + "replacement inherits the original's period).")
    @APIResponse(responseCode = "200", description = "Shipped", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not AUTHORISED (A1)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The replacement is not a registered device (A1) or is another model (P4)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response ship(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id,
                         @Parameter(description = "ETag of the RMA as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                         @HeaderParam(ETags.IF_MATCH) String ifMatch,
                         @Valid @NotNull Shipment request) {
        Rma rma = replacements.ship(QueryParams.uuid("RMA", id), request, ifMatch);
        return Response.ok(view(rma)).tag(ETags.of(rma.version)).build();
    }

    @POST
    @Path("/{id}/delivery")
    @RolesAllowed({Roles.AGENT, Roles.SERVICE})
    @Operation(operationId = "confirmReplacementDelivery", summary = "Confirm the replacement's delivery",
            description = "Agents, or the carrier feed (service role); requires If-Match; the RMA must be SHIPPED (409 otherwise, "
                    + "e.g. a delivery before the shipment). A3 decision: the return due date is re-based on the actual receipt "
                    + "= deliveredOn + 10 business days of the customer's calendar. deliveredOn defaults to today at the customer's "
                    + "site; it may not be in the future nor before the shipment (400 naming deliveredOn). Publishes "
                    + "ReplacementDelivered.")
    @APIResponse(responseCode = "200", description = "Delivered; returnDueOn re-based", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not SHIPPED (A3)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response deliver(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id,
                            @Parameter(description = "ETag of the RMA as read", example = "\"1\"", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull Delivery request) {
        Rma rma = replacements.confirmDelivery(QueryParams.uuid("RMA", id), request, ifMatch);
        return Response.ok(view(rma)).tag(ETags.of(rma.version)).build();
    }

    @POST
    @Path("/{id}/return-receipt")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "recordDefectiveReceipt", summary = "Record the defective unit's receipt",
            description = "Agents only; requires If-Match; the RMA must be SHIPPED, DELIVERED or OVERDUE (409 otherwise). A2: the "
                    + "unit becomes Poly's property; A3: the return clock stops and a receipt after the due date is flagged late. "
                    + "Publishes DefectiveUnitReceived, and LateReturnReceived when the unit had been reported overdue (A4: "
                    + "billing's grace window decides on a credit note).")
    @APIResponse(responseCode = "200", description = "Received", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = RmaView.class)))
    @APIResponse(responseCode = "404", description = "No such RMA", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No unit awaited (A3)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response receive(@Parameter(description = "RMA id", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") @PathParam("id") String id,
                            @Parameter(description = "ETag of the RMA as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull ReturnReceipt request) {
        Rma rma = replacements.receiveDefectiveUnit(QueryParams.uuid("RMA", id), request, ifMatch);
        return Response.ok(view(rma)).tag(ETags.of(rma.version)).build();
    }

    /** A3: the view with the business days left until the due date, counted at the customer's site today. */
    RmaView view(Rma rma) {
        Integer left = null;
        if (rma.returnDueOn != null && RmaStatus.OPEN.contains(rma.status)) {
            BusinessCalendar customer = calendars.customer(rma.shipToCountry, rma.shipToSubdivision, rma.shipToZone);
            left = customer.businessDaysBetween(clock.instant().atZone(customer.zone()).toLocalDate(), rma.returnDueOn);
        }
        return RmaView.of(rma, left);
    }
}
