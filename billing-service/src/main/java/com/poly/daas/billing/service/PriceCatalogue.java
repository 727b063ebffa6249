package com.poly.daas.billing.service;

import com.poly.daas.events.registry.ModelPriceChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Billing's replica of the price catalogue (A4, B2): every list price by (SKU, price list, first day in force), from
 * the registry's {@code ModelPriceChanged} (its seed prices too). Applying an event twice, or replaying the topic,
 * leaves the same rows: a price is keyed by its first day, and a later event for the same day corrects it.
 */
@ApplicationScoped
public class PriceCatalogue {
    @Inject
    EntityManager em;
    @Inject
    Clock clock;

    /** A list price and the day it came into force. */
    public record ListPrice(String sku, String priceList, String currency, BigDecimal amount, LocalDate validFrom) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ModelPriceChanged e) {
        if (e.sku() == null || e.sku().isBlank() || e.priceList() == null || e.priceList().isBlank()
                || e.price() == null || e.validFrom() == null) {
            throw new IllegalArgumentException("ModelPriceChanged without sku, priceList, price or validFrom");
        }
        if (e.price().amount().signum() <= 0) {
            throw new IllegalArgumentException("ModelPriceChanged with a price that is not positive: " + e.price().amount());
        }
        String currency = java.util.Currency.getInstance(e.price().currency()).getCurrencyCode();
        em.createNativeQuery("""
                        insert into model_price (sku, price_list, region, currency, amount, valid_from, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (sku, price_list, valid_from)
                        do update set region = excluded.region, currency = excluded.currency, amount = excluded.amount,
                                      updated_at = excluded.updated_at""")
                .setParameter(1, e.sku()).setParameter(2, e.priceList()).setParameter(3, e.region())
                .setParameter(4, currency).setParameter(5, e.price().amount()).setParameter(6, Date.valueOf(e.validFrom()))
                .setParameter(7, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    /**
     * B2: the price of {@code sku} in force on {@code day}: in {@code priceList} when given, else in the (single) list
     * of {@code currency}.
     */
    public Optional<ListPrice> inForce(String sku, String priceList, String currency, LocalDate day) {
        boolean byList = priceList != null && !priceList.isBlank();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sku, price_list, currency, amount, valid_from from model_price
                        where sku = ?1 and %s = ?2 and valid_from <= ?3
                        order by valid_from desc limit 1""".formatted(byList ? "price_list" : "currency"))
                .setParameter(1, sku).setParameter(2, byList ? priceList : currency).setParameter(3, Date.valueOf(day))
                .getResultList();
        return rows.stream().findFirst().map(PriceCatalogue::listPrice);
    }

    /** Every price of a SKU, by list and first day (for the price replica's read API and diagnostics). */
    public List<ListPrice> of(String sku) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sku, price_list, currency, amount, valid_from from model_price
                        where sku = ?1 order by price_list, valid_from""")
                .setParameter(1, sku).getResultList();
        return rows.stream().map(PriceCatalogue::listPrice).toList();
    }

    private static ListPrice listPrice(Object[] r) {
        LocalDate from = r[4] instanceof Date d ? d.toLocalDate() : (LocalDate) r[4];
        return new ListPrice((String) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3], from);
    }
}
