package com.poly.daas.contract.persistence;

import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.ContractStatus;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.security.PartnerScope;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Contracts; every query is partner-scoped by the platform's partner filter, the list page
 * by the same condition written into its query ({@link PartnerScope}: Hibernate then reuses its translation). */
@ApplicationScoped
public class ContractRepository implements PanacheRepositoryBase<Contract, UUID> {
    @Inject
    PartnerScope scope;

    public Optional<Contract> byId(String id) {
        return Ids.uuid(id).flatMap(this::findByIdOptional);
    }

    /** Keyset page ordered by id, optionally one customer and one status. Fetches limit + 1 rows. */
    public List<Contract> page(UUID customerId, ContractStatus status, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        scope.restrict("partnerId", query, params);
        if (customerId != null) {
            query.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (page.after() != null) {
            query.append(" and cast(id as string) > :after");
            params.and("after", page.after());
        }
        return scope.explicitly(() -> find(query.toString(), Sort.by("id"), params).page(0, page.limit() + 1).list());
    }
}
