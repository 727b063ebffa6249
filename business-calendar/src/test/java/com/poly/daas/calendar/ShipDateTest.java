package com.poly.daas.calendar;

import static com.poly.daas.calendar.TestCalendars.at;
import static com.poly.daas.calendar.TestCalendars.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A1: an RMA authorised before the cut-off (default 15:00 at the ship-from centre) ships that business day. */
class ShipDateTest {

    /** A US service centre in Memphis, Tennessee, on Central time. */
    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final BusinessCalendar MEMPHIS = TestCalendars.CALENDARS.calendar(CalendarKey.of("US", "TN", CENTRAL));

    @ParameterizedTest(name = "authorised {0} -> ships {1}")
    @CsvSource({
            "2026-05-19T09:00,    2026-05-19",   // Tuesday morning
            "2026-05-19T14:59:59, 2026-05-19",   // just before the cut-off
            "2026-05-19T15:00,    2026-05-20",   // at the cut-off: next business day
            "2026-05-19T16:00,    2026-05-20",
            "2026-05-19T00:00,    2026-05-19",   // midnight is before the cut-off
            "2026-05-15T16:00,    2026-05-18",   // Friday after the cut-off -> Monday
            "2026-05-16T10:00,    2026-05-18",   // Saturday -> Monday
            "2026-05-17T23:59,    2026-05-18",   // Sunday night -> Monday
            // Tennessee (US-TN) also closes the day after Thanksgiving and Christmas Eve
            "2026-11-26T10:00,    2026-11-30",   // Thanksgiving -> Monday
            "2026-11-25T15:30,    2026-11-30",   // the eve of Thanksgiving after the cut-off
            "2026-12-23T16:00,    2026-12-28",   // Christmas Eve and Christmas Day
            "2026-12-31T16:00,    2027-01-04",   // year boundary, New Year's Day on a Friday
            "2026-07-02T15:01,    2026-07-06",   // Independence Day observed Friday Jul 3
    })
    void A1_shipDateAtTheDefaultCutOff(String authorisedLocal, LocalDate shipDate) {
        assertEquals(shipDate, MEMPHIS.shipDate(at(authorisedLocal, CENTRAL)));
    }

    @Test
    void A1_cutOffIsConfigurable() {
        Instant halfPastTwelve = at("2026-05-19T12:30", CENTRAL);
        assertEquals(date("2026-05-20"), MEMPHIS.shipDate(halfPastTwelve, LocalTime.NOON));
        assertEquals(date("2026-05-19"), MEMPHIS.shipDate(halfPastTwelve, LocalTime.of(13, 0)));
        assertEquals(BusinessCalendar.DEFAULT_SHIP_CUT_OFF, LocalTime.of(15, 0));
    }

    @Test
    void A1_cutOffIsReadInTheShipFromCentresLocalTime() {
        // 2026-05-19T03:00Z is Monday 22:00 in Memphis: after Monday's cut-off, so it ships on Tuesday,
        // although it is already Tuesday in UTC and in Europe.
        Instant authorised = Instant.parse("2026-05-19T03:00:00Z");
        assertEquals(date("2026-05-19"), MEMPHIS.shipDate(authorised));
        BusinessCalendar amsterdam = TestCalendars.calendar("NL");
        assertEquals(date("2026-05-19"), amsterdam.shipDate(authorised));
        // 14:30 UTC is 16:30 in Amsterdam (after its cut-off) but 09:30 in Memphis.
        Instant afternoon = Instant.parse("2026-05-19T14:30:00Z");
        assertEquals(date("2026-05-20"), amsterdam.shipDate(afternoon));
        assertEquals(date("2026-05-19"), MEMPHIS.shipDate(afternoon));
    }

    @Test
    void A1_shipFromCentreHolidaysApply() {
        // King's Day (Monday 2026-04-27) in the Netherlands: Friday afternoon ships on Tuesday.
        BusinessCalendar amsterdam = TestCalendars.calendar("NL");
        assertEquals(date("2026-04-28"), amsterdam.shipDate(at("2026-04-24T16:00", amsterdam.zone())));
        // England: Christmas 2027 substitute days (Dec 27, 28).
        BusinessCalendar london = TestCalendars.calendar("GB-ENG");
        assertEquals(date("2027-12-29"), london.shipDate(at("2027-12-24T15:00", london.zone())));
        assertEquals(date("2027-12-24"), london.shipDate(at("2027-12-24T14:00", london.zone())));
    }

    @Test
    void A1_missingCutOffIsRefused() {
        assertThrows(NullPointerException.class, () -> MEMPHIS.shipDate(Instant.EPOCH.plusSeconds(1_800_000_000L), null));
    }
}
