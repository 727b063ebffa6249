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

    /** Search criteria of the catalogue; null means "any". */
    public record ModelFilter(ModelCategory category, String family, Boolean voice, Boolean enrollable, String text) {
    }

    /** Keyset page ordered by SKU. Fetches limit + 1 rows (see Page.of). */
    public List<Model> page(ModelFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.category() != null) {
            query.append(" and category = :category");
            params.and("category", filter.category());
        }
        if (filter.family() != null && !filter.family().isBlank()) {
            query.append(" and family = :family");
            params.and("family", filter.family());
        }
        if (filter.voice() != null) {
            query.append(" and voice = :voice");
            params.and("voice", filter.voice());
        }
        if (filter.enrollable() != null) {
            query.append(filter.enrollable() ? " and daasEligible = true and endOfSaleAnnouncedOn is null"
                    : " and (daasEligible = false or endOfSaleAnnouncedOn is not null)");
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.append(" and (lower(name) like :text or lower(sku) like :text)");
            params.and("text", "%" + filter.text().toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (page.after() != null) {
            query.append(" and sku > :after");
            params.and("after", page.after());
        }
        return find(query.toString(), Sort.by("sku"), params).page(0, page.limit() + 1).list();
    }
}
