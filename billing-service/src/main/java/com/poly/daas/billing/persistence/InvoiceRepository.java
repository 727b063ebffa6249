package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Invoices; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public static String sortKey(Invoice i) {
        return Keyset.newestFirstKey(i.issuedAt, i.id);
    }

    public List<Invoice> ofMonth(String month) {
        return list("month", month);
    }

    public List<Invoice> ofRun(UUID runId) {
        return list("runId", Sort.by("contractId"), runId);
    }

    /** Keyset page, newest first, optionally one contract and/or month. Fetches limit + 1 rows (see Page.of). */
    public List<Invoice> page(String contractId, String month, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (contractId != null && !contractId.isBlank()) {
            query.append(" and contractId = :contractId");
            params.and("contractId", contractId);
        }
        if (month != null && !month.isBlank()) {
            query.append(" and month = :month");
            params.and("month", month);
        }
        Keyset.newestFirst(page, "issuedAt", query, params);
        return find(query.toString(), Sort.descending("issuedAt", "id"), params).page(0, page.limit() + 1).list();
    }
}
