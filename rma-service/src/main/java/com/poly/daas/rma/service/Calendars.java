package com.poly.daas.rma.service;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.CalendarPolicy;
import com.poly.daas.platform.calendar.SiteCalendars;
import com.poly.daas.calendar.CalendarKey;
import com.poly.daas.calendar.Region;
import com.poly.daas.rma.config.RmaPolicy;
import com.poly.daas.rma.config.RmaPolicy.ServiceCentre;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Picks the business calendars of an RMA: the customer's (ship-to site: A1 delivery, A3 return clock, S1) and the
 * ship-from service centre's of the customer's region (A1 cut-off). All arithmetic is the business-calendar
 * module's.
 */
@ApplicationScoped
public class Calendars {
    private static final SiteCalendars.Fields SHIP_TO = new SiteCalendars.Fields("shipTo.country", "shipTo.subdivision", "shipTo.timeZone");

    @Inject
    SiteCalendars calendars;
    @Inject
    RmaPolicy policy;

    /** A ship-from centre of a region, its calendar, the return label's address (A3) and the region's price list (A4). */
    public record Centre(String code, BusinessCalendar calendar, String region, String returnAddress, String priceList) {
    }

    /** The customer's calendar at the ship-to site; 400 for a bad zone or subdivision, 422 outside the regions (P2). */
    public BusinessCalendar customer(String country, String subdivision, String timeZone) {
        return calendars.site(country, subdivision, timeZone, CalendarPolicy.DEFAULT, SHIP_TO, "A3");
    }

    /** A1/A3: the local Poly service centre of the customer's region. */
    public Centre centreFor(String customerCountry) {
        Region region = SiteCalendars.region(customerCountry, SHIP_TO.country());
        String name = region.name().toLowerCase(Locale.ROOT).replace('_', '-');
        ServiceCentre centre = policy.serviceCentres().get(name);
        if (centre == null) {
            throw new IllegalStateException("No service centre configured for region " + name
                    + " (daas.rmas.service-centres." + name + ".*)");
        }
        CalendarKey key = CalendarKey.of(centre.country(), centre.subdivision().orElse(null), ZoneId.of(centre.timeZone()));
        return new Centre(centre.code(), calendars.configured(key), region.name(), centre.returnAddress(),
                policy.countryPriceLists().getOrDefault(customerCountry, centre.priceList()));
    }
}
