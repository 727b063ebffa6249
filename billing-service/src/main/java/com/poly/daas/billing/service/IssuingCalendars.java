package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.IssuingEntity;
import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.calendar.CalendarKey;
import com.poly.daas.platform.calendar.SiteCalendars;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business calendar of each issuing entity (configurable: {@code daas.billing.issuing-entities.*}): its "today"
 * (the invoice date, hence the number's year) and the first business day of a month, when its scheduled run is due.
 */
@ApplicationScoped
public class IssuingCalendars {
    @Inject
    SiteCalendars calendars;
    @Inject
    Clock clock;
    @ConfigProperty(name = "daas.billing.issuing-entities.na.country", defaultValue = "US")
    String naCountry;
    @ConfigProperty(name = "daas.billing.issuing-entities.na.subdivision")
    Optional<String> naSubdivision;
    @ConfigProperty(name = "daas.billing.issuing-entities.na.time-zone", defaultValue = "America/Los_Angeles")
    String naZone;
    @ConfigProperty(name = "daas.billing.issuing-entities.emea.country", defaultValue = "NL")
    String emeaCountry;
    @ConfigProperty(name = "daas.billing.issuing-entities.emea.subdivision")
    Optional<String> emeaSubdivision;
    @ConfigProperty(name = "daas.billing.issuing-entities.emea.time-zone", defaultValue = "Europe/Amsterdam")
    String emeaZone;

    public BusinessCalendar calendar(IssuingEntity entity) {
        return entity == IssuingEntity.NA
                ? calendars.configured(CalendarKey.of(naCountry, naSubdivision.orElse(null), ZoneId.of(naZone)))
                : calendars.configured(CalendarKey.of(emeaCountry, emeaSubdivision.orElse(null), ZoneId.of(emeaZone)));
    }

    public ZoneId zone(IssuingEntity entity) {
        return ZoneId.of(entity == IssuingEntity.NA ? naZone : emeaZone);
    }

    public LocalDate today(IssuingEntity entity) {
        return clock.instant().atZone(zone(entity)).toLocalDate();
    }

    /** The first business day of {@code month} in the entity's calendar. */
    public LocalDate firstBusinessDay(IssuingEntity entity, YearMonth month) {
        BusinessCalendar calendar = calendar(entity);
        LocalDate day = month.atDay(1);
        while (!calendar.isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** A month has ended for the entity once its last day is over in the entity's time zone. */
    public boolean hasEnded(IssuingEntity entity, YearMonth month) {
        return YearMonth.from(today(entity)).isAfter(month);
    }
}
