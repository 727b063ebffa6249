package com.poly.daas.registry.persistence;

import com.poly.daas.registry.domain.ModelPrice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Published list prices (A4, B2); append-only. */
@ApplicationScoped
public class PriceRepository implements PanacheRepositoryBase<ModelPrice, UUID> {

    /** The price in force on {@code day}: the latest one that started on or before it. */
    public Optional<ModelPrice> inForce(String sku, String priceList, LocalDate day) {
        return find("sku = ?1 and priceList = ?2 and validFrom <= ?3", Sort.descending("validFrom"), sku, priceList, day)
                .firstResultOptional();
    }

    /** The price that follows {@code validFrom} in the same list (it closes that one's validity). */
    public Optional<ModelPrice> next(String sku, String priceList, LocalDate validFrom) {
        return find("sku = ?1 and priceList = ?2 and validFrom > ?3", Sort.ascending("validFrom"), sku, priceList, validFrom)
                .firstResultOptional();
    }

    public Optional<ModelPrice> latest(String sku, String priceList) {
        return find("sku = ?1 and priceList = ?2", Sort.descending("validFrom"), sku, priceList).firstResultOptional();
    }

    /** History ordered by list then start date; {@code priceList} null for every list. */
    public List<ModelPrice> history(String sku, String priceList) {
        if (priceList == null) {
            return find("sku", Sort.ascending("priceList", "validFrom"), sku).list();
        }
        return find("sku = ?1 and priceList = ?2", Sort.ascending("priceList", "validFrom"), sku, priceList).list();
    }
}
