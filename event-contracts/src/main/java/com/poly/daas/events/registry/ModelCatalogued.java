package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;

/** A model was added to the catalogue or its programme facts changed (eligibility, category). Rules E3, P6. */
public record ModelCatalogued(String sku, String name, String family, String category, boolean voice,
                              boolean daasEligible) implements DomainEvent {
    @Override
    public String aggregateId() {
        return sku;
    }
}
