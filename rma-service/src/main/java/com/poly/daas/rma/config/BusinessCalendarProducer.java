package com.poly.daas.rma.config;

import com.poly.daas.calendar.BusinessCalendars;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One calendar registry per application: it caches holiday years and calendars (see docs/business-calendar.md). */
@Singleton
public class BusinessCalendarProducer {
    @Produces
    @Singleton
    BusinessCalendars businessCalendars() {
        return new BusinessCalendars();
    }
}
