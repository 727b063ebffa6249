package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.CreditNote;
import com.poly.daas.platform.api.Keyset;
import com.poly.daas.platform.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A4 credit notes; partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class CreditNoteRepository implements PanacheRepositoryBase<CreditNote, UUID> {

    public static String sortKey(CreditNote n) {
        return Keyset.newestFirstKey(n.issuedAt, n.id);
    }

    public Optional<CreditNote> ofCharge(UUID chargeId) {
        return find("chargeId", chargeId).firstResultOptional();
    }

    /** Credit notes of a contract to deduct on an invoice closing on {@code lastDay}. */
    public List<CreditNote> toInvoice(String contractId, LocalDate lastDay) {
        return list("contractId = ?1 and status = 'ISSUED' and invoiceId is null and issuedOn <= ?2",
                Sort.by("issuedOn", "issuedAt"), contractId, lastDay);
    }

    public List<String> contractsWithCreditsDue(LocalDate lastDay) {
        return getEntityManager().createQuery("""
                        select distinct n.contractId from CreditNote n
                        where n.status = 'ISSUED' and n.invoiceId is null and n.issuedOn <= :lastDay and n.contractId is not null""",
                        String.class)
                .setParameter("lastDay", lastDay).getResultList();
    }

    /** Newest first; optionally one customer or RMA. Fetches limit + 1 rows. */
    public List<CreditNote> page(String customerId, String rmaId, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null && !customerId.isBlank()) {
            query.append(" and customerId = :customerId");
            params.and("customerId", customerId);
        }
        if (rmaId != null && !rmaId.isBlank()) {
            query.append(" and rmaId = :rmaId");
            params.and("rmaId", rmaId);
        }
        Keyset.newestFirst(page, "issuedAt", query, params);
        return find(query.toString(), Sort.descending("issuedAt", "id"), params).page(0, page.limit() + 1).list();
    }
}
