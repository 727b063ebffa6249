package com.poly.daas.ticket.persistence;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.security.PartnerScope;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tickets; every query is partner-scoped: by the platform's partner filter, or, for the hot lists (search and queue),
 * by the same condition written into the query ({@link PartnerScope}) so that Hibernate reuses their translation.
 */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {
    @Inject
    PartnerScope scope;

    /** A milestone whose due instant passed before it was met, stopped or paused (or before :now). S3. */
    private static final String BREACHED = "id in (select m.ticketId from SlaMilestone m where m.dueAt < "
            + "coalesce(m.pausedAt, m.metAt, m.stoppedAt, :now))";

    /** The cursor's sort key: newest first, ties broken by id. */
    public static String sortKey(Ticket t) {
        return Keyset.newestFirstKey(t.openedAt, t.id);
    }

    /** Keyset page, newest first, optionally filtered. Fetches limit + 1 rows (see Page.of). */
    public List<Ticket> page(TicketStatus status, String serial, PageRequest page) {
        return search(new Search(status, serial, null, null, null, null, null, null), page);
    }

    /** What a search filters on (null: any). */
    public record Search(TicketStatus status, String serial, String customerId, Boolean breached, Instant openedFrom,
                         Instant openedBefore, String text, Instant now) {
    }

    /** Issue 13, search: newest first, keyset page, every filter optional; partner-scoped (S2, issue 9). */
    public List<Ticket> search(Search s, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        scope.restrict("partnerId", query, params);
        if (s.status() != null) {
            query.append(" and status = :status");
            params.and("status", s.status());
        }
        if (s.serial() != null && !s.serial().isBlank()) {
            query.append(" and serial = :serial");
            params.and("serial", s.serial());
        }
        if (s.customerId() != null && !s.customerId().isBlank()) {
            query.append(" and customerId = :customerId");
            params.and("customerId", s.customerId());
        }
        if (s.breached() != null) {
            query.append(s.breached() ? " and " : " and not ").append(BREACHED);
            params.and("now", s.now());
        }
        if (s.openedFrom() != null) {
            query.append(" and openedAt >= :openedFrom");
            params.and("openedFrom", s.openedFrom());
        }
        if (s.openedBefore() != null) {
            query.append(" and openedAt < :openedBefore");
            params.and("openedBefore", s.openedBefore());
        }
        if (s.text() != null && !s.text().isBlank()) {
            query.append(" and lower(subject) like :text escape '!'");
            params.and("text", "%" + likeEscaped(s.text().toLowerCase()) + "%");
        }
        Keyset.newestFirst(page, "openedAt", query, params);
        return scope.explicitly(() -> find(query.toString(), Sort.descending("openedAt", "id"), params).page(0, page.limit() + 1).list());
    }

    /** What the desk queue filters on (null: any). */
    public record Queue(TicketStatus status, Boolean breached, Instant dueBefore, String partnerId, String country,
                        String assignee, Instant now) {
    }

    /** The queue's cursor key: the nearest due instant (none last), ties broken by id. */
    public static String queueKey(Ticket t) {
        return (t.nextDueAt == null ? "-" : t.nextDueAt.toString()) + "|" + t.id;
    }

    /**
     * Issue 13, desk queue: tickets not yet resolved or closed, nearest due instant first (tickets with no running
     * milestone last), keyset page.
     */
    public List<Ticket> queue(Queue q, PageRequest page) {
        StringBuilder query = new StringBuilder();
        Parameters params = new Parameters();
        if (q.status() != null) {
            query.append("status = :status");
            params.and("status", q.status());
        } else {
            query.append("status in :open");
            params.and("open", List.of(TicketStatus.OPEN, TicketStatus.WAITING_ON_PARTNER, TicketStatus.TRIAGED));
        }
        scope.restrict("partnerId", query, params);
        if (q.breached() != null) {
            query.append(q.breached() ? " and " : " and not ").append(BREACHED);
            params.and("now", q.now());
        }
        if (q.dueBefore() != null) {
            query.append(" and nextDueAt <= :dueBefore");
            params.and("dueBefore", q.dueBefore());
        }
        if (q.partnerId() != null && !q.partnerId().isBlank()) {
            query.append(" and partnerId = :partnerId");
            params.and("partnerId", q.partnerId());
        }
        if (q.country() != null && !q.country().isBlank()) {
            query.append(" and siteCountry = :country");
            params.and("country", q.country());
        }
        if (q.assignee() != null && !q.assignee().isBlank()) {
            query.append(" and assignee = :assignee");
            params.and("assignee", q.assignee());
        }
        if (page.after() != null) {
            String[] key = page.after().split("\\|", 2);
            UUID id;
            Instant due;
            try {
                id = UUID.fromString(key[1]);
                due = key[0].equals("-") ? null : Instant.parse(key[0]);
            } catch (RuntimeException e) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
            }
            params.and("cursorId", id);
            if (due == null) {
                query.append(" and nextDueAt is null and id > :cursorId");
            } else {
                query.append(" and (nextDueAt > :cursorDue or (nextDueAt = :cursorDue and id > :cursorId) or nextDueAt is null)");
                params.and("cursorDue", due);
            }
        }
        return scope.explicitly(() -> find(query + " order by nextDueAt asc nulls last, id asc", params).page(0, page.limit() + 1).list());
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
