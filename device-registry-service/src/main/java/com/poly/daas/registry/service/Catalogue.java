package com.poly.daas.registry.service;

import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.events.registry.ModelEndOfSupportAnnounced;
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
}
