package com.poly.daas.contract.persistence;

import com.poly.daas.contract.domain.Customer;
import com.poly.daas.platform.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Customers; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> byId(String id) {
        return Ids.uuid(id).flatMap(this::findByIdOptional);
    }

    /** Keyset page ordered by id. Fetches limit + 1 rows. */
    public List<Customer> page(PageRequest page) {
        Parameters params = new Parameters();
        String query = "1 = 1";
        if (page.after() != null) {
            query = "cast(id as string) > :after";
            params.and("after", page.after());
        }
        return find(query, Sort.by("id"), params).page(0, page.limit() + 1).list();
    }
}
