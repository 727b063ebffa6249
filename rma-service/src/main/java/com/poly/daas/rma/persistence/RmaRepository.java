package com.poly.daas.rma.persistence;

import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** RMAs; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class RmaRepository implements PanacheRepositoryBase<Rma, UUID> {

    public static String sortKey(Rma r) {
        return Keyset.newestFirstKey(r.authorisedAt, r.id);
    }

    /** Keyset page, newest first, optionally filtered. Fetches limit + 1 rows (see Page.of). */
    public List<Rma> page(RmaStatus status, String serial, PageRequest page) {
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
        Keyset.newestFirst(page, "authorisedAt", query, params);
        return find(query.toString(), Sort.descending("authorisedAt", "id"), params).page(0, page.limit() + 1).list();
    }
}
