package com.poly.daas.ticket.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.events.CoverageDay;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.events.tickets.TicketAwaitingPartner;
import com.poly.daas.events.tickets.TicketClosed;
import com.poly.daas.events.tickets.TicketOpened;
import com.poly.daas.events.tickets.TicketPartnerAnswered;
import com.poly.daas.events.tickets.TicketResolved;
import com.poly.daas.events.tickets.TicketTriaged;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.parties.CustomerSite;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.PartnerScope;
import com.poly.daas.ticket.api.TicketViews.Assignment;
import com.poly.daas.ticket.api.TicketViews.Closure;
import com.poly.daas.ticket.api.TicketViews.FirstResponse;
import com.poly.daas.ticket.api.TicketViews.NewComment;
import com.poly.daas.ticket.api.TicketViews.NewTicket;
import com.poly.daas.ticket.api.TicketViews.PartnerQuestion;
import com.poly.daas.ticket.api.TicketViews.Resolution;
import com.poly.daas.ticket.api.TicketViews.Triage;
import com.poly.daas.ticket.domain.CoveredDevice;
import com.poly.daas.ticket.domain.DeviceCoverage;
import com.poly.daas.ticket.domain.Milestone;
import com.poly.daas.ticket.domain.SlaMilestone;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketComment;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.domain.TicketStep;
import com.poly.daas.ticket.domain.TriageDecision;
import com.poly.daas.ticket.persistence.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Use cases of first-level support. Each state change and its event commit together (outbox). */
@ApplicationScoped
public class FirstLevelSupport {
    @Inject
    TicketRepository tickets;
    @Inject
    SupportClock supportClock;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    TrustBoundary trust;
    @Inject
    EntityManager em;
    @Inject
    PartnerScope scope;

    /**
     * S2: only a partner or an agent gets here (roles); S1/S3: the milestones start now, in the calendar of the
     * customer's site as contract-service knows it (never as the caller types it), with the partner's support policy.
     * Issue 9: the customer must be the partner's and the device registered to that customer; anything else is refused
     * alike, revealing nothing. Issue 13: the device's coverage on the site's day is shown, never required.
     */
    @Transactional
    public Ticket open(NewTicket request, String partnerId) {
        CustomerSite customer = trust.customerOf(partnerId, request.customerId(), "customerId");
        requireRegisteredTo(customer, request.serial());
        BusinessCalendar site = supportClock.siteCalendar(customer.country(), customer.subdivision(), customer.timeZone());
        Instant now = now();
        SupportClock.SupportPolicy policy = supportClock.policyOf(partnerId);
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.partnerId = partnerId;
        ticket.customerId = request.customerId();
        ticket.serial = request.serial();
        ticket.siteCountry = site.key().country();
        ticket.siteSubdivision = site.key().subdivision();
        ticket.timeZone = site.zone().getId();
        ticket.subject = request.subject();
        ticket.description = request.description();
        ticket.status = TicketStatus.OPEN;
        ticket.openedAt = now;
        ticket.openedBy = caller.id();
        ticket.supportPolicy = policy.name();
        ticket.showCoverage(coverageOn(partnerId, ticket.serial, CoverageDay.of(now, ticket.timeZone)));
        ticket.milestones.add(SlaMilestone.start(ticket.id, Milestone.FIRST_RESPONSE, policy.firstResponseTarget(), site, now));
        ticket.milestones.add(SlaMilestone.start(ticket.id, Milestone.TRIAGE, policy.triageTarget(), site, now));
        ticket.refreshDue();
        tickets.persist(ticket);
        ticket.milestones.forEach(em::persist);
        outbox.publish(new TicketOpened(ticket.id.toString(), partnerId, ticket.customerId, ticket.serial,
                ticket.siteCountry, ticket.siteSubdivision, ticket.timeZone, ticket.subject, ticket.openedAt,
                ticket.firstResponseDueAt, ticket.triageDueAt));
        audit.recordStaffChange("ticket.opened", "Ticket", ticket.id.toString(), null, request);
        return ticket;
    }

    /** Issue 13 (P3, E1): the device's coverage on the site's day, from the coverage replica of contract events. */
    private DeviceCoverage coverageOn(String partnerId, String serial, LocalDate day) {
        List<CoveredDevice> rows = scope.explicitly(() -> em.createQuery(
                        "from CoveredDevice where serial = :s and partnerId = :p", CoveredDevice.class)
                .setParameter("s", serial).setParameter("p", partnerId).getResultList());
        return DeviceCoverage.on(day, serial, rows);
    }

    private void requireRegisteredTo(CustomerSite customer, String serial) {
        long owned = ((Number) em.createNativeQuery(
                        "select count(*) from registered_device where serial = ?1 and partner_id = ?2 and customer_id = ?3")
                .setParameter(1, serial).setParameter(2, customer.partnerId()).setParameter(3, customer.customerId())
                .getSingleResult()).longValue();
        if (owned == 0) {
            throw TrustBoundary.unknownReference("serial", "device", serial);
        }
    }

    /** The business calendar of a ticket's site (S1), for its milestones. */
    public BusinessCalendar site(Ticket ticket) {
        return supportClock.siteCalendar(ticket.siteCountry, ticket.siteSubdivision, ticket.timeZone);
    }

    /** S3: an agent records the first response to the partner explicitly (a call, say); once per ticket. */
    @Transactional
    public Ticket recordFirstResponse(UUID id, FirstResponse request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        requireNotClosed(ticket);
        Instant now = now();
        if (!ticket.respond(site(ticket), now, caller.id())) {
            throw ApiProblem.conflict("first-response-recorded", "First response already recorded",
                    "Ticket " + id + " had its first response at " + ticket.firstRespondedAt + " by " + ticket.firstRespondedBy + ".",
                    "S3");
        }
        step(ticket, now, "FIRST_RESPONSE", request.note(), false);
        audit.recordStaffChange("ticket.first-response", "Ticket", ticket.id.toString(), null, request);
        return flushed(ticket);
    }

    /**
     * S3: a confirmed hardware failure leads to an advance-replacement RMA (A1) via HardwareFailureConfirmed. The
     * triage decision is told to the partner, so it is also the first response when none was made.
     */
    @Transactional
    public Ticket triage(UUID id, Triage request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        TicketStatus before = ticket.status;
        Instant now = now();
        BusinessCalendar site = site(ticket);
        ticket.triage(request.decision(), request.cause(), request.note(), now, caller.id());
        ticket.respond(site, now, caller.id());
        ticket.settleMilestones(site, now);
        if (ticket.triageDecision == TriageDecision.HARDWARE_FAILURE) {
            // schema version 2: the site the RMA is measured in (A1, A3, P4 "today"), and the covering contract if any
            outbox.publish(new HardwareFailureConfirmed(ticket.id.toString(), ticket.partnerId, ticket.customerId,
                    ticket.serial, ticket.failureCause.name(), now, ticket.siteCountry, ticket.siteSubdivision,
                    ticket.timeZone, Boolean.TRUE.equals(ticket.covered) ? ticket.coverageContractId : null));
        }
        outbox.publish(new TicketTriaged(ticket.id.toString(), ticket.partnerId, ticket.triageDecision.name(),
                ticket.failureCause == null ? null : ticket.failureCause.name(), now, caller.id()));
        audit.recordStaffChange("ticket.triaged", "Ticket", ticket.id.toString(), before, request);
        return flushed(ticket);
    }

    /** Agents resolve a triaged ticket. */
    @Transactional
    public Ticket resolve(UUID id, Resolution request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        TicketStatus before = ticket.status;
        Instant now = now();
        ticket.resolve(request.resolution(), now, caller.id());
        ticket.settleMilestones(site(ticket), now);
        outbox.publish(new TicketResolved(ticket.id.toString(), ticket.partnerId, ticket.resolution, ticket.rmaId, now,
                caller.id()));
        audit.recordStaffChange("ticket.resolved", "Ticket", ticket.id.toString(), before, request);
        return flushed(ticket);
    }

    /** The partner (its own tickets only, by the partner filter) or an agent closes a ticket; open milestones stop. */
    @Transactional
    public Ticket close(UUID id, Closure request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        TicketStatus before = ticket.status;
        Instant now = now();
        ticket.close(request.reason(), now, caller.id());
        ticket.settleMilestones(site(ticket), now);
        outbox.publish(new TicketClosed(ticket.id.toString(), ticket.partnerId, before.name(), ticket.closeReason, now,
                caller.id()));
        audit.recordStaffChange("ticket.closed", "Ticket", ticket.id.toString(), before, request);
        return flushed(ticket);
    }

    /**
     * S3: the agent asks the partner something. The question is a comment the partner sees (so it is the first
     * response when none was made); the ticket waits on the partner and its milestones pause until the partner answers.
     */
    @Transactional
    public Ticket awaitPartner(UUID id, PartnerQuestion request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        Instant now = now();
        BusinessCalendar site = site(ticket);
        ticket.respond(site, now, caller.id());
        ticket.awaitPartner(site, now);
        addComment(ticket, request.question(), false, now);
        step(ticket, now, "WAITING_ON_PARTNER", request.question(), false);
        outbox.publish(new TicketAwaitingPartner(ticket.id.toString(), ticket.partnerId, now, caller.id()));
        audit.recordStaffChange("ticket.waiting-on-partner", "Ticket", ticket.id.toString(), TicketStatus.OPEN, request);
        return flushed(ticket);
    }

    /** An agent takes or hands over the ticket. */
    @Transactional
    public Ticket assign(UUID id, Assignment request, String ifMatch) {
        Ticket ticket = forChange(id, ifMatch);
        requireNotClosed(ticket);
        String before = ticket.assignee;
        Instant now = now();
        ticket.assignee = request.agent();
        ticket.assignedAt = now;
        step(ticket, now, "ASSIGNED", "assigned to " + request.agent() + (before == null ? "" : " (was " + before + ")"), false);
        audit.recordStaffChange("ticket.assigned", "Ticket", ticket.id.toString(), before, request);
        return flushed(ticket);
    }

    /**
     * A comment of the partner or an agent (S2: never an end user). Internal notes are agents' only. The first comment
     * of an agent the partner sees is the first response (S3); the partner's comment on a ticket waiting on it is its
     * answer: the ticket is OPEN again and its milestones resume.
     */
    @Transactional
    public TicketComment comment(UUID id, NewComment request) {
        Ticket ticket = tickets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ticket", id.toString()));
        requireNotClosed(ticket);
        boolean internal = Boolean.TRUE.equals(request.internal());
        if (internal && !caller.isStaff()) {
            throw ApiProblem.invalidField("internal", "only Poly agents write internal notes; a partner's comment is never internal");
        }
        Instant now = now();
        BusinessCalendar site = site(ticket);
        if (caller.isStaff() && !internal) {
            ticket.respond(site, now, caller.id());
        }
        if (!caller.isStaff() && ticket.status == TicketStatus.WAITING_ON_PARTNER) {
            ticket.partnerAnswered(site, now);
            step(ticket, now, "PARTNER_ANSWERED", null, false);
            outbox.publish(new TicketPartnerAnswered(ticket.id.toString(), ticket.partnerId, now, caller.id()));
        }
        TicketComment comment = addComment(ticket, request.body(), internal, now);
        em.lock(ticket, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // the timeline changed: a new ETag
        audit.recordStaffChange("ticket.commented", "Ticket", ticket.id.toString(), null, request);
        tickets.flush();
        return comment;
    }

    private TicketComment addComment(Ticket ticket, String body, boolean internal, Instant now) {
        TicketComment comment = new TicketComment();
        comment.id = UUID.randomUUID();
        comment.ticketId = ticket.id;
        comment.partnerId = ticket.partnerId;
        comment.body = body;
        comment.internal = internal;
        comment.author = caller.id();
        comment.authorRole = caller.isStaff() ? "agent" : "partner";
        comment.createdAt = now;
        em.persist(comment);
        step(ticket, now, internal ? "INTERNAL_NOTE" : "COMMENTED", excerpt(body), internal);
        return comment;
    }

    private static String excerpt(String body) {
        return body.length() <= 200 ? body : body.substring(0, 199) + "…";
    }

    private void step(Ticket ticket, Instant at, String step, String detail, boolean internal) {
        TicketStep s = TicketStep.of(ticket.id, at, step, detail, caller.id());
        s.internal = internal;
        em.persist(s);
        ticket.steps.add(s);
    }

    private Ticket forChange(UUID id, String ifMatch) {
        Ticket ticket = tickets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ticket", id.toString()));
        ETags.requireMatch(ifMatch, ticket.version);
        return ticket;
    }

    private static void requireNotClosed(Ticket ticket) {
        if (ticket.status == TicketStatus.CLOSED) {
            throw ApiProblem.conflict("ticket-closed", "Ticket closed", "Ticket " + ticket.id + " is CLOSED.", null);
        }
    }

    private Ticket flushed(Ticket ticket) {
        tickets.flush(); // the new version goes into the ETag of the response
        return ticket;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
