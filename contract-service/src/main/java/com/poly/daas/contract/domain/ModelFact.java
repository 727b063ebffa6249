package com.poly.daas.contract.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What this service knows of a catalogue model, from the registry's events only. A fact may arrive before the model's
 * own ModelCatalogued event (different partitions never, same key always in order; but replays and DLQ redrives can
 * reorder): an announcement is therefore recorded even for a model not catalogued yet, and never cleared.
 */
@Entity
@Table(name = "model_fact")
public class ModelFact extends PanacheEntityBase {
    @Id
    public String sku;
    public String name;
    public String category;
    public boolean voice;
    @Column(name = "daas_eligible")
    public boolean daasEligible;
    /** P6: set when ModelEndOfSaleAnnounced arrives; new enrolments are refused from then on. */
    @Column(name = "end_of_sale_announced_on")
    public LocalDate endOfSaleAnnouncedOn;
    @Column(name = "end_of_sale_received_at")
    public Instant endOfSaleReceivedAt;
    /** P5: recorded for information only; never shortens coverage. */
    @Column(name = "end_of_support_announced_on")
    public LocalDate endOfSupportAnnouncedOn;
    @Column(name = "updated_at")
    public Instant updatedAt;
    /** How many distinct registry events built this fact (diagnostics; proves idempotent consumption). */
    @Column(name = "events_applied")
    public int eventsApplied;

    /** P6 and eligibility: may a device of this model be enrolled now? */
    public boolean enrollable() {
        return daasEligible && endOfSaleAnnouncedOn == null;
    }
}
