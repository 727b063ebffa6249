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

    interface ServiceCentre {
        /** Short code printed on the prepaid return packaging (A3). */
        String code();

        String country();

        Optional<String> subdivision();

        String timeZone();
    }
}
