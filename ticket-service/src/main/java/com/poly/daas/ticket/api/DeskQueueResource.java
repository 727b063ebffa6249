package com.poly.daas.ticket.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.ticket.api.TicketViews.TicketView;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.persistence.TicketRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The first-level support desk's work queue (S1-S3): Poly's agents only. */
@Path("/desk/queue")
@Tag(name = "Support desk", description = "First-level support's work queue (S1-S3; agents only)")
@Produces(MediaType.APPLICATION_JSON)
public class DeskQueueResource {
    @Inject
    TicketRepository tickets;
    @Inject
    TicketViewer viewer;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "listDeskQueue", summary = "List the support desk's queue",
            description = "Agents and admins only (S2: partners see their own tickets through listTickets/searchTickets). "
                    + "Tickets not yet resolved or closed (or of the given status), the nearest S3 due instant first (first "
                    + "response 4 and triage 8 business hours of the site by default, S1; paused milestones do not count, "
                    + "tickets with no running milestone last). Filters: status, breached (a milestone's due instant passed "
                    + "before it was met), dueWithin (ISO-8601 duration from now), partnerId, country (site, ISO 3166-1), "
                    + "assignee. Cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of the queue")
    @APIResponse(responseCode = "400", description = "A filter is malformed (the problem names it)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<TicketView> listDeskQueue(@Parameter(description = "Only tickets in this status", example = "OPEN",
                                                  schema = @Schema(implementation = TicketStatus.class)) @QueryParam("status") String status,
                                          @Parameter(description = "Only breached (true) or not breached (false) tickets (S3)",
                                                  example = "true", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("breached") String breached,
                                          @Parameter(description = "Only tickets whose nearest due instant is within this business "
                                                  + "clock time from now (ISO-8601 duration, e.g. PT2H); overdue ones included",
                                                  example = "PT2H") @QueryParam("dueWithin") String dueWithin,
                                          @Parameter(description = "Only this partner's tickets", example = "P-1001") @QueryParam("partnerId") String partnerId,
                                          @Parameter(description = "Only tickets of sites in this country (ISO 3166-1 alpha-2)", example = "FR")
                                          @QueryParam("country") String country,
                                          @Parameter(description = "Only tickets assigned to this agent", example = "agent-jdupont")
                                          @QueryParam("assignee") String assignee,
                                          @Parameter(description = "Page size, 1-200 (default 50)", example = "50") @QueryParam("limit") Integer limit,
                                          @Parameter(description = "Opaque cursor from the previous page's 'cursor'", example = "djE6MjAyNi0xMS0yM1QxNzowMDowMFp8M2YxYw") @QueryParam("cursor") String cursor,
                                          @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant now = clock.instant();
        Instant dueBefore = null;
        if (dueWithin != null && !dueWithin.isBlank()) {
            try {
                Duration within = Duration.parse(dueWithin);
                if (within.isNegative()) {
                    throw ApiProblem.invalidField("dueWithin", "must not be negative");
                }
                dueBefore = now.plus(within);
            } catch (DateTimeParseException | ArithmeticException e) {
                throw ApiProblem.invalidField("dueWithin", "must be an ISO-8601 duration such as PT2H");
            }
        }
        if (country != null && !country.isBlank() && !country.matches("[A-Z]{2}")) {
            throw ApiProblem.invalidField("country", "must be an ISO 3166-1 alpha-2 code such as FR");
        }
        var query = new TicketRepository.Queue(QueryParams.enumValue(TicketStatus.class, status, "status"),
                QueryParams.bool(breached, "breached"), dueBefore, partnerId, country, assignee, now);
        return Page.of(tickets.queue(query, page), page, TicketRepository::queueKey, viewer::view, uri);
    }
}
