package com.poly.daas.rma.persistence;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.security.PartnerScope;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** RMAs; every query is partner-scoped by the platform's partner filter, the list page
 * by the same condition written into its query ({@link PartnerScope}: Hibernate then reuses its translation). */
@ApplicationScoped
public class RmaRepository implements PanacheRepositoryBase<Rma, UUID> {
    @Inject
    PartnerScope scope;

    public static String sortKey(Rma r) {
        return Keyset.newestFirstKey(r.authorisedAt, r.id);
    }

    /** Sort key of the due-date lists: soonest due first. */
    public static String dueKey(Rma r) {
        return r.returnDueOn + "|" + r.id;
    }

    /** The device's open RMA (at most one: index {@code rma_one_open_per_device}). */
    public Optional<Rma> openFor(String serial) {
        return find("serial = ?1 and status in ?2", serial, RmaStatus.OPEN).firstResultOptional();
    }

    public List<Rma> byTicket(String ticketId) {
        return list("ticketId", ticketId);
    }

    /** Keyset page, newest first, optionally filtered. Fetches limit + 1 rows (see Page.of). */
    public List<Rma> page(RmaStatus status, String serial, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        scope.restrict("partnerId", query, params);
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (serial != null && !serial.isBlank()) {
            query.append(" and serial = :serial");
            params.and("serial", serial);
        }
        Keyset.newestFirst(page, "authorisedAt", query, params);
        return scope.explicitly(() -> find(query.toString(), Sort.descending("authorisedAt", "id"), params).page(0, page.limit() + 1).list());
    }

    /**
     * A3: RMAs awaiting their defective unit whose due date is on or before the bound of their customer's site
     * (key "country|subdivision|zone" → last day within N business days there), soonest due first, keyset page.
     */
    public List<Rma> dueBy(Map<String, LocalDate> boundBySite, PageRequest page) {
        if (boundBySite.isEmpty()) {
            return List.of();
        }
        StringBuilder query = new StringBuilder("status in :awaiting and (");
        Parameters params = Parameters.with("awaiting", RmaStatus.AWAITING_RETURN);
        int i = 0;
        for (var site : boundBySite.entrySet()) {
            String[] key = site.getKey().split("\\|", -1);
            query.append(i == 0 ? "" : " or ").append("(shipToCountry = :c").append(i).append(" and coalesce(shipToSubdivision, '') = :s")
                    .append(i).append(" and shipToZone = :z").append(i).append(" and returnDueOn <= :d").append(i).append(")");
            params.and("c" + i, key[0]).and("s" + i, key[1]).and("z" + i, key[2]).and("d" + i, site.getValue());
            i++;
        }
        query.append(")");
        soonestFirstAfter(page, query, params);
        return find(query.toString(), Sort.ascending("returnDueOn", "id"), params).page(0, page.limit() + 1).list();
    }

    /** Open RMAs awaiting return, for computing each site's bound: distinct "country|subdivision|zone" keys. */
    public List<String> sitesAwaitingReturn() {
        return getEntityManager().createQuery("""
                        select distinct r.shipToCountry || '|' || coalesce(r.shipToSubdivision, '') || '|' || r.shipToZone
                        from Rma r where r.status in :awaiting""", String.class)
                .setParameter("awaiting", RmaStatus.AWAITING_RETURN).getResultList();
    }

    /** A4: overdue RMAs, soonest due first, keyset page. */
    public List<Rma> overdue(PageRequest page) {
        StringBuilder query = new StringBuilder("status = :overdue");
        Parameters params = Parameters.with("overdue", RmaStatus.OVERDUE);
        soonestFirstAfter(page, query, params);
        return find(query.toString(), Sort.ascending("returnDueOn", "id"), params).page(0, page.limit() + 1).list();
    }

    private static void soonestFirstAfter(PageRequest page, StringBuilder where, Parameters params) {
        if (page.after() == null) {
            return;
        }
        String[] key = page.after().split("\\|", 2);
        try {
            params.and("cursorDue", LocalDate.parse(key[0])).and("cursorId", UUID.fromString(key[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
        }
        where.append(" and (returnDueOn > :cursorDue or (returnDueOn = :cursorDue and id > :cursorId))");
    }
}
