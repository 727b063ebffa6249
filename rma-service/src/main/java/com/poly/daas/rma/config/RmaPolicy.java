package com.poly.daas.rma.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;

/** The advance-replacement policy (A1, A3 decisions), from {@code daas.rmas.*}. */
@ConfigMapping(prefix = "daas.rmas")
public interface RmaPolicy {

    /** A1 decision: authorised before this local time at the ship-from centre ships the same business day. */
    @WithDefault("15:00")
    LocalTime shipCutOff();

    /** A3: business days (customer's country) after the replacement's receipt within which the unit is due back. */
    @WithDefault("10")
    int returnBusinessDays();

    /** Ship-from service centre per region, keyed {@code north-america} and {@code emea} (P2). */
    Map<String, ServiceCentre> serviceCentres();

    /**
     * A4: the price list (region/currency) an unreturned unit is billed from, by customer country, for the countries
     * that do not use their region's default ({@link ServiceCentre#priceList()}), e.g. {@code CA=NA-CAD}.
     */
    Map<String, String> countryPriceLists();

    /** A3 → A4: the overdue scan (several replicas may run it; each obligation is reported once). */
    OverdueScan overdueScan();

    interface OverdueScan {
        /** How often the scan runs ({@code off} disables the schedule, e.g. in tests that drive it). */
        @WithDefault("15m")
        String every();

        /** Obligations marked per transaction. */
        @WithDefault("200")
        int batchSize();
    }

    interface ServiceCentre {
        /** Short code printed on the prepaid return packaging (A3). */
        String code();

        String country();

        Optional<String> subdivision();

        String timeZone();

        /** A3: the address printed on the prepaid return packaging (the unit goes back here). */
        String returnAddress();

        /** A4: the region's default price list (NA-USD, EMEA-EUR), see {@link RmaPolicy#countryPriceLists()}. */
        String priceList();
    }
}
