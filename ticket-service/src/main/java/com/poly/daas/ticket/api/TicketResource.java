package com.poly.daas.ticket.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.ticket.api.TicketViews.Closure;
import com.poly.daas.ticket.api.TicketViews.NewTicket;
import com.poly.daas.ticket.api.TicketViews.Resolution;
import com.poly.daas.ticket.api.TicketViews.TicketView;
import com.poly.daas.ticket.api.TicketViews.Triage;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.persistence.TicketRepository;
import com.poly.daas.ticket.service.FirstLevelSupport;
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

@Path("/tickets")
@Tag(name = "Tickets", description = "First-level support tickets (portal: create and track service tickets; S1-S3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {
    @Inject
    TicketRepository tickets;
    @Inject
    FirstLevelSupport support;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;
    @Inject
    TrustBoundary trust;

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(summary = "Open a ticket",
            description = "S2: only a partner (for itself) or a Poly agent (naming the partner) opens tickets; end users are "
                    + "refused (403). S1: the ticket keeps its site's country, subdivision and time zone, and its clocks count "
                    + "only Monday-Friday 09:00-17:00 local time outside that country's public holidays. S3: first response due "
                    + "within 4 business hours, triage within 1 business day (8 business hours), both configurable. "
                    + "P2: a site outside North America and EMEA is 422. Publishes TicketOpened. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Opened",
            headers = {@Header(name = "Location", description = "URL of the ticket"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "A partner named another partner in partnerId",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Site outside North America and EMEA (P2), no business calendar for the "
            + "site (S1), or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response open(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                    example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                         @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                         @Valid @NotNull NewTicket request, @Context UriInfo uri) {
        String partnerId = trust.actingFor(request.partnerId()).partnerId();
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Ticket ticket = support.open(request, partnerId);
            return Response.created(uri.getBaseUriBuilder().path("tickets").path(ticket.id.toString()).build())
                    .tag(ETags.of(ticket.version)).entity(TicketView.of(ticket)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Get a ticket",
            description = "With its ETag (use it in If-Match to triage) and its S3 due instants, also in the site's local "
                    + "time (S1). A partner sees only its own tickets; others are 404.")
    @APIResponse(responseCode = "200", description = "The ticket", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Ticket id", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                        @PathParam("id") String id) {
        Ticket ticket = tickets.findByIdOptional(QueryParams.uuid("ticket", id)).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        return Response.ok(TicketView.of(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "List tickets",
            description = "Newest first; filter by status and device serial; cursor pagination. A partner lists only its own tickets.")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    public Page<TicketView> list(@Parameter(description = "Only tickets in this status", example = "OPEN",
                                         schema = @Schema(implementation = TicketStatus.class)) @QueryParam("status") String status,
                                 @Parameter(description = "Only tickets of this device serial", example = "64167F2A9C01")
                                 @QueryParam("serial") String serial,
                                 @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                 @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(tickets.page(QueryParams.enumValue(TicketStatus.class, status, "status"), serial, page), page, TicketRepository::sortKey, TicketView::of, uri);
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Triage a ticket",
            description = "Agents only. S3: first-level support decides whether the device has a hardware defect or failure. "
                    + "HARDWARE_FAILURE publishes HardwareFailureConfirmed, which leads to an advance-replacement RMA (A1); "
                    + "NO_FAULT leaves end-user support with the partner (S2). Only an OPEN ticket can be triaged (409 "
                    + "otherwise). Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Triaged", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not OPEN (S3)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response triage(@Parameter(description = "Ticket id", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                           @PathParam("id") String id,
                           @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                           @HeaderParam(ETags.IF_MATCH) String ifMatch,
                           @Valid @NotNull Triage request) {
        Ticket ticket = support.triage(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(TicketView.of(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed(Roles.AGENT)
    @Operation(summary = "Resolve a triaged ticket",
            description = "Agents only: TRIAGED -> RESOLVED with what was done (e.g. the advance-replacement RMA, A1, or the "
                    + "no-fault finding handed back to the partner, S2). Any other status is 409. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Resolved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not TRIAGED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response resolve(@Parameter(description = "Ticket id", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                            @PathParam("id") String id,
                            @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull Resolution request) {
        Ticket ticket = support.resolve(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(TicketView.of(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(summary = "Close a ticket",
            description = "The partner (its own tickets; S2: it stays responsible for its end users) or an agent closes a ticket "
                    + "from OPEN, TRIAGED or RESOLVED. Closing a closed ticket is 409. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Closed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@Parameter(description = "Ticket id", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                          @PathParam("id") String id,
                          @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                          @HeaderParam(ETags.IF_MATCH) String ifMatch,
                          @Valid @NotNull Closure request) {
        Ticket ticket = support.close(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(TicketView.of(ticket)).tag(ETags.of(ticket.version)).build();
    }
}
