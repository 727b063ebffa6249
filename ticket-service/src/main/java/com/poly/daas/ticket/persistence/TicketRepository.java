package com.poly.daas.ticket.persistence;

import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Tickets; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    /** The cursor's sort key: newest first, ties broken by id. */
    public static String sortKey(Ticket t) {
        return Keyset.newestFirstKey(t.openedAt, t.id);
    }

    /** Keyset page, newest first, optionally filtered. Fetches limit + 1 rows (see Page.of). */
    public List<Ticket> page(TicketStatus status, String serial, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (serial != null && !serial.isBlank()) {
            query.append(" and serial = :serial");
            params.and("serial", serial);
        }
        Keyset.newestFirst(page, "openedAt", query, params);
        return find(query.toString(), Sort.descending("openedAt", "id"), params).page(0, page.limit() + 1).list();
    }
}
