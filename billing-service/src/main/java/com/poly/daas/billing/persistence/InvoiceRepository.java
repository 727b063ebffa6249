package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.Invoice;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.security.PartnerScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Invoices; every query is partner-scoped by the platform's partner filter, the list page
 * by the same condition written into its query ({@link PartnerScope}: Hibernate then reuses its translation). */
@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {
    @Inject
    PartnerScope scope;

    /** An invoice is CORRECTED once a later invoice of its contract carries an adjustment line of its month. */
    private static final String CORRECTED = """
            exists (select 1 from InvoiceLine l where l.kind = 'ADJUSTMENT' and l.correctsMonth = i.month
                    and l.invoice.contractId = i.contractId)""";

    /** Filters of the invoice list. */
    public record Filter(String partnerId, String customerId, String contractId, String fromMonth, String toMonth,
                         String status, String documentType) {
    }

    public static String sortKey(Invoice i) {
        return Keyset.newestFirstKey(i.issuedAt, i.id);
    }

    public List<Invoice> ofRun(UUID runId) {
        return list("runId", Sort.by("contractId"), runId);
    }

    /** Which of these invoices a later adjustment corrected. */
    public Set<UUID> corrected(List<Invoice> invoices) {
        if (invoices.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(getEntityManager().createQuery("select i.id from Invoice i where i.id in :ids and " + CORRECTED, UUID.class)
                .setParameter("ids", invoices.stream().map(i -> i.id).toList()).getResultList());
    }

    /** Keyset page, newest first. Fetches limit + 1 rows (see Page.of). */
    public List<Invoice> page(Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("from Invoice i where 1 = 1");
        Parameters params = new Parameters();
        scope.restrict("i.partnerId", query, params);
        eq(query, params, "partnerId", filter.partnerId());
        eq(query, params, "customerId", filter.customerId());
        eq(query, params, "contractId", filter.contractId());
        eq(query, params, "documentType", filter.documentType());
        if (filter.fromMonth() != null) {
            query.append(" and i.month >= :fromMonth");
            params.and("fromMonth", filter.fromMonth());
        }
        if (filter.toMonth() != null) {
            query.append(" and i.month <= :toMonth");
            params.and("toMonth", filter.toMonth());
        }
        if ("CORRECTED".equals(filter.status())) {
            query.append(" and ").append(CORRECTED);
        } else if ("ISSUED".equals(filter.status())) {
            query.append(" and not ").append(CORRECTED);
        }
        Keyset.newestFirst(page, "issuedAt", query, params);
        return scope.explicitly(() -> find(query.toString(), Sort.descending("issuedAt", "id"), params).page(0, page.limit() + 1).list());
    }

    private static void eq(StringBuilder query, Parameters params, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.append(" and i.").append(field).append(" = :").append(field);
            params.and(field, value);
        }
    }
}
