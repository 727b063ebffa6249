package com.poly.daas.registry.domain;

import com.poly.daas.platform.api.ApiProblem;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** A catalogue model and its programme facts. Lifecycle announcements are one-way (P5, P6). */
@Entity
@Table(name = "model")
public class Model extends PanacheEntityBase {
    @Id
    public String sku;
    public String name;
    public String family;
    @Enumerated(EnumType.STRING)
    public ModelCategory category;
    /** Derived from the category (E3), stored so that queries and replicas can use it. */
    public boolean voice;
    @Column(name = "daas_eligible")
    public boolean daasEligible;
    @Column(name = "end_of_sale_announced_on")
    public LocalDate endOfSaleAnnouncedOn;
    @Column(name = "end_of_sale_effective_on")
    public LocalDate endOfSaleEffectiveOn;
    @Column(name = "end_of_support_announced_on")
    public LocalDate endOfSupportAnnouncedOn;
    @Column(name = "end_of_support_effective_on")
    public LocalDate endOfSupportEffectiveOn;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public static Model create(String sku, String name, String family, ModelCategory category, boolean daasEligible,
                               Instant now) {
        Model model = new Model();
        model.sku = sku;
        model.name = name;
        model.family = family;
        model.category = category;
        model.voice = category.voice();
        model.daasEligible = daasEligible;
        model.createdAt = now;
        return model;
    }

    /** P6: announcing end-of-sale withdraws the model from new enrolments; it cannot be undone or moved. */
    public void announceEndOfSale(LocalDate announcedOn, LocalDate effectiveOn) {
        if (endOfSaleAnnouncedOn != null) {
            throw ApiProblem.conflict("already-announced", "End-of-sale already announced",
                    "End-of-sale of " + sku + " was announced on " + endOfSaleAnnouncedOn
                            + "; an announcement cannot be reverted or changed.", "P6");
        }
        requireOrdered(announcedOn, effectiveOn);
        endOfSaleAnnouncedOn = announcedOn;
        endOfSaleEffectiveOn = effectiveOn;
    }

    /** P5: end-of-support never cuts coverage short, but it is a fact of the model and is kept as announced. */
    public void announceEndOfSupport(LocalDate announcedOn, LocalDate effectiveOn) {
        if (endOfSupportAnnouncedOn != null) {
            throw ApiProblem.conflict("already-announced", "End-of-support already announced",
                    "End-of-support of " + sku + " was announced on " + endOfSupportAnnouncedOn
                            + "; an announcement cannot be reverted or changed.", "P5");
        }
        requireOrdered(announcedOn, effectiveOn);
        endOfSupportAnnouncedOn = announcedOn;
        endOfSupportEffectiveOn = effectiveOn;
    }

    /** P6: a model can be enrolled only before its end-of-sale announcement. */
    public boolean enrollable() {
        return daasEligible && endOfSaleAnnouncedOn == null;
    }

    private static void requireOrdered(LocalDate announcedOn, LocalDate effectiveOn) {
        if (effectiveOn.isBefore(announcedOn)) {
            throw ApiProblem.invalidField("effectiveOn", "must not be before announcedOn (" + announcedOn + ")");
        }
    }
}
