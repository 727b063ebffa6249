package com.poly.daas.events.registry;

import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.Money;
import java.time.LocalDate;

/** A new list price is in force from {@code validFrom} in one price list (A4, B2 bill at the current price). */
public record ModelPriceChanged(String sku, String priceList, String region, Money price, LocalDate validFrom)
        implements DomainEvent {
    @Override
    public String aggregateId() {
        return sku;
    }
}
