package com.poly.daas.ticket.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Keyset;
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
import com.poly.daas.ticket.api.TicketViews.Assignment;
import com.poly.daas.ticket.api.TicketViews.CommentView;
import com.poly.daas.ticket.api.TicketViews.FirstResponse;
import com.poly.daas.ticket.api.TicketViews.NewComment;
import com.poly.daas.ticket.api.TicketViews.PartnerQuestion;
import com.poly.daas.ticket.domain.TicketComment;
import com.poly.daas.ticket.persistence.TicketRepository.Search;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
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
    @Inject
    Clock clock;

    @Inject
    TicketViewer viewer;

    private TicketView view(Ticket ticket) {
        return viewer.view(ticket);
    }

    private static final String TICKET_ID = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f";

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(operationId = "openTicket", summary = "Open a ticket",
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
                    .tag(ETags.of(ticket.version)).entity(view(ticket)).build();
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "getTicket", summary = "Get a ticket",
            description = "With its ETag (use it in If-Match to triage), its S3 milestones (first response, triage: due "
                    + "instant in UTC and in the site's local time, business time elapsed and remaining, met/breached/paused, "
                    + "counted in the site's business hours, S1), the device's coverage on the day it opened (P3, E1) and its "
                    + "timeline. A partner sees only its own tickets, without agents' internal notes (S2); others are 404.")
    @APIResponse(responseCode = "200", description = "The ticket", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Ticket id", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f")
                        @PathParam("id") String id) {
        Ticket ticket = tickets.findByIdOptional(QueryParams.uuid("ticket", id)).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listTickets", summary = "List tickets",
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
        return Page.of(tickets.page(QueryParams.enumValue(TicketStatus.class, status, "status"), serial, page), page, TicketRepository::sortKey, this::view, uri);
    }

    @POST
    @Path("/{id}/triage")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "triageTicket", summary = "Triage a ticket",
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
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/resolution")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "resolveTicket", summary = "Resolve a triaged ticket",
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
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(operationId = "closeTicket", summary = "Close a ticket",
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
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }
    @POST
    @Path("/{id}/first-response")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "recordFirstResponse", summary = "Record the first response to the partner",
            description = "Agents only. S3: meets the first-response milestone (default 4 business hours of the site, S1) "
                    + "when the agent answered the partner outside a comment (a call, say); the first agent comment the "
                    + "partner sees, a question to the partner and the triage decision meet it too. Once per ticket (409 "
                    + "after); a CLOSED ticket is 409. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "First response recorded", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "First response already recorded, or the ticket is CLOSED (S3)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recordFirstResponse(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                        @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                                        @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                        @Valid @NotNull FirstResponse request) {
        Ticket ticket = support.recordFirstResponse(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/partner-question")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "askPartner", summary = "Ask the partner and wait for its answer",
            description = "Agents only. S3: OPEN -> WAITING_ON_PARTNER; the question becomes a comment the partner sees (so "
                    + "it is the first response when none was made) and the SLA milestones pause: business time (S1) does "
                    + "not count until the partner comments, which puts the ticket back to OPEN. Any other status is 409. "
                    + "Publishes TicketAwaitingPartner. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Waiting on the partner", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is not OPEN (S3)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response askPartner(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                               @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                               @HeaderParam(ETags.IF_MATCH) String ifMatch,
                               @Valid @NotNull PartnerQuestion request) {
        Ticket ticket = support.awaitPartner(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed(Roles.AGENT)
    @Operation(operationId = "assignTicket", summary = "Assign a ticket to an agent",
            description = "Agents only (S2: first-level support is Poly's): takes or hands over a ticket that is not CLOSED "
                    + "(409); recorded on the timeline with who and when. The S3 milestones do not change. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Assigned", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = TicketView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response assignTicket(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                 @Parameter(description = "ETag of the ticket as read", example = "\"0\"", schema = @Schema(type = SchemaType.STRING))
                                 @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                 @Valid @NotNull Assignment request) {
        Ticket ticket = support.assign(QueryParams.uuid("ticket", id), request, ifMatch);
        return Response.ok(view(ticket)).tag(ETags.of(ticket.version)).build();
    }

    @POST
    @Path("/{id}/comments")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT})
    @Operation(operationId = "commentOnTicket", summary = "Comment on a ticket",
            description = "The partner (its own tickets) or an agent; S2: never an end user (403). internal=true is an agent's "
                    + "internal note, never shown to partners (a partner sending it is 400 naming 'internal'). S3: the first "
                    + "agent comment the partner sees is the first response; the partner's comment on a ticket WAITING_ON_PARTNER "
                    + "is its answer: the ticket is OPEN again and its milestones resume (TicketPartnerAnswered). A CLOSED "
                    + "ticket is 409. A comment is a new resource: no If-Match; Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Commented", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The ticket is CLOSED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "A partner asked for an internal note (the problem names 'internal')",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response commentOnTicket(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                    @Parameter(description = "Makes retries safe: same key + same body = same response (24 h)",
                                            example = "7c0e4a4e-1f7b-4f0a-9d55-2f1e0c9b8a61")
                                    @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                    @Valid @NotNull NewComment request, @Context UriInfo uri) {
        UUID ticketId = QueryParams.uuid("ticket", id);
        return idempotency.create(idempotencyKey, caller.id(), List.of(id, request), () -> {
            TicketComment comment = support.comment(ticketId, request);
            return Response.created(uri.getBaseUriBuilder().path("tickets").path(id).path("comments").build())
                    .entity(CommentView.of(comment)).build();
        });
    }

    @GET
    @Path("/{id}/comments")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listTicketComments", summary = "List a ticket's comments",
            description = "Newest first, cursor pagination. A partner sees its own tickets' comments only, and never internal "
                    + "notes (S2: first-level support's notes are Poly's).")
    @APIResponse(responseCode = "200", description = "One page of comments")
    @APIResponse(responseCode = "404", description = "No such ticket visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<CommentView> listTicketComments(@Parameter(description = "Ticket id", example = TICKET_ID) @PathParam("id") String id,
                                                @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                                @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                                @Context UriInfo uri) {
        UUID ticketId = QueryParams.uuid("ticket", id);
        tickets.findByIdOptional(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", id));
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("ticketId = :ticket");
        Parameters params = Parameters.with("ticket", ticketId);
        if (!caller.isStaff()) {
            query.append(" and internal = false");
        }
        Keyset.newestFirst(page, "createdAt", query, params);
        List<TicketComment> rows = TicketComment.find(query.toString(), Sort.descending("createdAt", "id"), params)
                .page(0, page.limit() + 1).list();
        return Page.of(rows, page, c -> Keyset.newestFirstKey(c.createdAt, c.id), CommentView::of, uri);
    }

    @GET
    @Path("/search")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "searchTickets", summary = "Search tickets",
            description = "Newest first, cursor pagination, every filter optional: status, device serial, customer, breached "
                    + "(S3: a milestone's due instant passed before it was met), opened in [openedFrom, openedBefore), text "
                    + "in the subject (case-insensitive). A partner finds only its own tickets (S2).")
    @APIResponse(responseCode = "200", description = "One page of tickets")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TicketView> searchTickets(@Parameter(description = "Only tickets in this status", example = "OPEN",
                                                  schema = @Schema(implementation = TicketStatus.class)) @QueryParam("status") String status,
                                          @Parameter(description = "Only tickets of this device serial", example = "64167F2A9C01")
                                          @QueryParam("serial") String serial,
                                          @Parameter(description = "Only tickets of this customer", example = "CU-20931")
                                          @QueryParam("customerId") String customerId,
                                          @Parameter(description = "Only breached (true) or not breached (false) tickets (S3)",
                                                  example = "true", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("breached") String breached,
                                          @Parameter(description = "Opened at or after this instant (ISO-8601)", example = "2026-11-01T00:00:00Z")
                                          @QueryParam("openedFrom") String openedFrom,
                                          @Parameter(description = "Opened before this instant (ISO-8601)", example = "2026-12-01T00:00:00Z")
                                          @QueryParam("openedBefore") String openedBefore,
                                          @Parameter(description = "Text the subject contains (case-insensitive, at most 200 characters)",
                                                  example = "firmware") @QueryParam("text") String text,
                                          @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                          @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yMFQyMTowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                          @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (text != null && text.length() > 200) {
            throw ApiProblem.invalidField("text", "must be at most 200 characters");
        }
        Search search = new Search(QueryParams.enumValue(TicketStatus.class, status, "status"), serial, customerId,
                QueryParams.bool(breached, "breached"), instant(openedFrom, "openedFrom"), instant(openedBefore, "openedBefore"),
                text, clock.instant());
        return Page.of(tickets.search(search, page), page, TicketRepository::sortKey, this::view, uri);
    }

    static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(name, "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z");
        }
    }
}
