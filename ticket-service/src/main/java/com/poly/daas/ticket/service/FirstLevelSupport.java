package com.poly.daas.ticket.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.events.tickets.HardwareFailureConfirmed;
import com.poly.daas.events.tickets.TicketOpened;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.parties.CustomerSite;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.security.Caller;
import jakarta.persistence.EntityManager;
import com.poly.daas.ticket.api.TicketViews.Closure;
import com.poly.daas.ticket.api.TicketViews.NewTicket;
import com.poly.daas.ticket.api.TicketViews.Resolution;
import com.poly.daas.ticket.api.TicketViews.Triage;
import com.poly.daas.events.CoverageDay;
import com.poly.daas.ticket.domain.CoveredDevice;
import com.poly.daas.ticket.domain.DeviceCoverage;
import com.poly.daas.ticket.domain.Ticket;
import java.time.LocalDate;
import java.util.List;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.domain.TriageDecision;
import com.poly.daas.ticket.persistence.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * S2: only a partner or an agent gets here (roles); S1/S3: the clocks start now, in the calendar of the customer's
     * site as contract-service knows it (never as the caller types it). Issue 9: the customer must be the partner's
     * and the device registered to that customer; anything else is refused alike, revealing nothing.
     */
    @Transactional
    public Ticket open(NewTicket request, String partnerId) {
        CustomerSite customer = trust.customerOf(partnerId, request.customerId(), "customerId");
        requireRegisteredTo(customer, request.serial());
        BusinessCalendar site = supportClock.siteCalendar(customer.country(), customer.subdivision(), customer.timeZone());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        SupportClock.Targets targets = supportClock.targets(site, now);
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
        ticket.firstResponseDueAt = targets.firstResponseDueAt();
        ticket.triageDueAt = targets.triageDueAt();
        ticket.showCoverage(coverageOn(partnerId, ticket.serial, CoverageDay.of(now, ticket.timeZone)));
        tickets.persist(ticket);
        outbox.publish(new TicketOpened(ticket.id.toString(), partnerId, ticket.customerId, ticket.serial,
                ticket.siteCountry, ticket.siteSubdivision, ticket.timeZone, ticket.subject, ticket.openedAt,
                ticket.firstResponseDueAt, ticket.triageDueAt));
        audit.recordStaffChange("ticket.opened", "Ticket", ticket.id.toString(), null, request);
        return ticket;
    }

    /** Issue 13 (P3, E1): the device's coverage on the site's day, from the coverage replica of contract events. */
    private DeviceCoverage coverageOn(String partnerId, String serial, LocalDate day) {
        List<CoveredDevice> rows = em.createQuery("from CoveredDevice where serial = :s and partnerId = :p", CoveredDevice.class)
                .setParameter("s", serial).setParameter("p", partnerId).getResultList();
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

    /** S3: a confirmed hardware failure leads to an advance-replacement RMA (A1) via HardwareFailureConfirmed. */
    @Transactional
    public Ticket triage(UUID id, Triage request, String ifMatch) {
        Ticket ticket = tickets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ticket", id.toString()));
        ETags.requireMatch(ifMatch, ticket.version);
        TicketStatus before = ticket.status;
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ticket.triage(request.decision(), request.cause(), request.note(), now, caller.id());
        if (ticket.triageDecision == TriageDecision.HARDWARE_FAILURE) {
            // schema version 2: the site the RMA is measured in (A1, A3, P4 "today"); the contract is not known here
            outbox.publish(new HardwareFailureConfirmed(ticket.id.toString(), ticket.partnerId, ticket.customerId,
                    ticket.serial, ticket.failureCause.name(), now, ticket.siteCountry, ticket.siteSubdivision,
                    ticket.timeZone, Boolean.TRUE.equals(ticket.covered) ? ticket.coverageContractId : null));
        }
        audit.recordStaffChange("ticket.triaged", "Ticket", ticket.id.toString(), before, request);
        tickets.flush(); // the new version goes into the ETag of the response
        return ticket;
    }

    /** Agents resolve a triaged ticket. */
    @Transactional
    public Ticket resolve(UUID id, Resolution request, String ifMatch) {
        Ticket ticket = tickets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ticket", id.toString()));
        ETags.requireMatch(ifMatch, ticket.version);
        TicketStatus before = ticket.status;
        ticket.resolve(request.resolution(), clock.instant().truncatedTo(ChronoUnit.MICROS), caller.id());
        audit.recordStaffChange("ticket.resolved", "Ticket", ticket.id.toString(), before, request);
        tickets.flush();
        return ticket;
    }

    /** The partner (its own tickets only, by the partner filter) or an agent closes a ticket. */
    @Transactional
    public Ticket close(UUID id, Closure request, String ifMatch) {
        Ticket ticket = tickets.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("ticket", id.toString()));
        ETags.requireMatch(ifMatch, ticket.version);
        TicketStatus before = ticket.status;
        ticket.close(request.reason(), clock.instant().truncatedTo(ChronoUnit.MICROS), caller.id());
        audit.recordStaffChange("ticket.closed", "Ticket", ticket.id.toString(), before, request);
        tickets.flush();
        return ticket;
    }
}
