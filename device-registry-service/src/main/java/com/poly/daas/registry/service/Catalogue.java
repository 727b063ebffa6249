package com.poly.daas.registry.service;

import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.events.registry.ModelEndOfSupportAnnounced;
import com.poly.daas.events.Money;
import com.poly.daas.events.registry.ModelPriceChanged;
import com.poly.daas.registry.api.ModelViews.ModelUpdate;
import com.poly.daas.registry.api.ModelViews.NewPrice;
import com.poly.daas.registry.domain.ModelPrice;
import com.poly.daas.registry.domain.PriceList;
import com.poly.daas.registry.persistence.PriceRepository;
import java.util.UUID;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.ModelViews.Announcement;
import com.poly.daas.registry.api.ModelViews.NewModel;
import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.persistence.ModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Use cases of the model catalogue. Each state change and its event commit together (outbox). */
@ApplicationScoped
public class Catalogue {
    @Inject
    ModelRepository models;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    PriceRepository prices;

    @Transactional
    public Model add(NewModel request) {
        if (models.bySku(request.sku()).isPresent()) {
            throw ApiProblem.conflict("duplicate-model", "Model already catalogued",
                    "A model with SKU " + request.sku() + " already exists.", null).field("sku", "already exists");
        }
        Model model = Model.create(request.sku(), request.name(), request.family(), request.category(),
                request.daasEligible(), clock.instant());
        models.persist(model);
        outbox.publish(new ModelCatalogued(model.sku, model.name, model.family, model.category.name(), model.voice,
                model.daasEligible));
        audit.recordStaffChange("model.added", "Model", model.sku, null, request);
        return model;
    }

    /** P6: from this commit on, contract-service refuses new enrolments of the model (ModelEndOfSaleAnnounced). */
    @Transactional
    public Model announceEndOfSale(String sku, Announcement announcement, String ifMatch) {
        Model model = models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        ETags.requireMatch(ifMatch, model.version);
        model.announceEndOfSale(announcement.announcedOn(), announcement.effectiveOn());
        outbox.publish(new ModelEndOfSaleAnnounced(sku, announcement.announcedOn(), announcement.effectiveOn()));
        audit.recordStaffChange("model.end-of-sale-announced", "Model", sku, null, announcement);
        return model;
    }

    /** P5: published for information; coverage already granted is never cut short by it. */
    @Transactional
    public Model announceEndOfSupport(String sku, Announcement announcement, String ifMatch) {
        Model model = models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        ETags.requireMatch(ifMatch, model.version);
        model.announceEndOfSupport(announcement.announcedOn(), announcement.effectiveOn());
        outbox.publish(new ModelEndOfSupportAnnounced(sku, announcement.announcedOn(), announcement.effectiveOn()));
        audit.recordStaffChange("model.end-of-support-announced", "Model", sku, null, announcement);
        return model;
    }

    /** Admin edit of name, family and eligibility; publishes ModelCatalogued again so replicas follow (E3, P6). */
    @Transactional
    public Model update(String sku, ModelUpdate update, String ifMatch) {
        Model model = models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        ETags.requireMatch(ifMatch, model.version);
        ModelUpdate before = new ModelUpdate(model.name, model.family, model.daasEligible);
        model.name = update.name();
        model.family = update.family();
        model.daasEligible = update.daasEligible();
        models.getEntityManager().flush(); // bump the version now so the response's ETag is the new one
        outbox.publish(new ModelCatalogued(model.sku, model.name, model.family, model.category.name(), model.voice,
                model.daasEligible));
        audit.recordStaffChange("model.updated", "Model", sku, before, update);
        return model;
    }

    /**
     * A4, B2: publishes a list price from {@code validFrom} on. History is append-only: the new price must start
     * after the list's latest one, which it thereby closes; a currency foreign to the list's region is refused.
     */
    @Transactional
    public ModelPrice publishPrice(String sku, NewPrice request) {
        models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        PriceList list = PriceList.byId(request.priceList()).orElseThrow(() -> ApiProblem.invalidField("priceList",
                "unknown price list '" + request.priceList() + "' (one of NA-USD, NA-CAD, EMEA-EUR, EMEA-GBP)"));
        String currency = request.price().currency();
        if (!list.currency().equals(currency)) {
            String why = PriceList.currenciesOf(list.region()).contains(currency)
                    ? "price list " + list.id() + " is kept in " + list.currency() + "; publish " + currency + " prices in its own list"
                    : currency + " is not a currency of region " + list.region() + " (" + String.join(", ", PriceList.currenciesOf(list.region())) + ")";
            throw ApiProblem.ruleViolation("A4", "currency-not-of-price-list", "Currency does not belong to the price list", why)
                    .field("price.currency", why);
        }
        prices.latest(sku, list.id()).ifPresent(latest -> {
            if (!request.validFrom().isAfter(latest.validFrom)) {
                throw ApiProblem.ruleViolation("A4", "price-history-is-append-only", "Price history cannot be rewritten",
                                "The latest " + list.id() + " price of " + sku + " starts on " + latest.validFrom
                                        + "; a new price must start after it.")
                        .field("validFrom", "must be after " + latest.validFrom);
            }
        });
        ModelPrice price = new ModelPrice();
        price.id = UUID.randomUUID();
        price.sku = sku;
        price.priceList = list.id();
        price.region = list.region().name();
        price.currency = currency;
        price.amount = request.price().amount().setScale(2);
        price.validFrom = request.validFrom();
        price.createdAt = clock.instant();
        prices.persist(price);
        outbox.publish(new ModelPriceChanged(sku, list.id(), list.region().name(), new Money(price.amount, currency),
                price.validFrom));
        audit.recordStaffChange("model.price-published", "Model", sku, null, request);
        return price;
    }
}
