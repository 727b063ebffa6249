package com.poly.daas.registry.persistence;

import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.domain.ModelCategory;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ModelRepository implements PanacheRepositoryBase<Model, String> {

    public Optional<Model> bySku(String sku) {
        return findByIdOptional(sku);
    }

    /** Keyset page ordered by SKU, optionally one category. Fetches limit + 1 rows (see Page.of). */
    public List<Model> page(ModelCategory category, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        if (page.after() != null) {
            query.append(" and sku > :after");
            params.and("after", page.after());
        }
        return find(query.toString(), Sort.by("sku"), params).page(0, page.limit() + 1).list();
    }
}
