package com.poly.daas.registry.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The published price lists (A4, B2): one per region and currency of the programme's regions (P2). A4 bills an
 * unreturned unit at the current price of the customer's region/currency, i.e. one of these lists.
 */
public enum PriceList {
    NA_USD("NA-USD", Region.NORTH_AMERICA, "USD"),
    NA_CAD("NA-CAD", Region.NORTH_AMERICA, "CAD"),
    EMEA_EUR("EMEA-EUR", Region.EMEA, "EUR"),
    EMEA_GBP("EMEA-GBP", Region.EMEA, "GBP");

    /** P2: the programme's regions. */
    public enum Region {
        NORTH_AMERICA, EMEA
    }

    private final String id;
    private final Region region;
    private final String currency;

    PriceList(String id, Region region, String currency) {
        this.id = id;
        this.region = region;
        this.currency = currency;
    }

    public String id() {
        return id;
    }

    public Region region() {
        return region;
    }

    public String currency() {
        return currency;
    }

    public static Optional<PriceList> byId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }

    /** The currencies any price list of a region is kept in. */
    public static java.util.List<String> currenciesOf(Region region) {
        return Arrays.stream(values()).filter(p -> p.region == region).map(PriceList::currency).toList();
    }
}
