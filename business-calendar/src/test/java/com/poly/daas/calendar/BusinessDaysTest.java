package com.poly.daas.calendar;

import static com.poly.daas.calendar.TestCalendars.calendar;
import static com.poly.daas.calendar.TestCalendars.date;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A3 and S1: business days. */
class BusinessDaysTest {

    @Test
    void A3_returnDueTenBusinessDaysAfterReceiptSkipsChristmasAndNewYear() {
        // Received Tuesday 2026-12-22 in the US: Dec 25 and Jan 1 are holidays, so day 10 is Thursday 2027-01-07.
        assertEquals(date("2027-01-07"), calendar("US").addBusinessDays(date("2026-12-22"), 10));
    }

    @ParameterizedTest(name = "{0}: received {1} -> due {2}")
    @CsvSource({
            // a receipt on a Saturday: the 10 days start on Monday; Memorial Day (May 25) is skipped
            "US,    2026-05-16, 2026-06-01",
            // Germany: Dec 24 and Dec 31 are working days, Dec 25/26 and Jan 1 are not
            "DE,    2026-12-22, 2027-01-07",
            // Bavaria adds Epiphany (Jan 6)
            "DE-BY, 2026-12-22, 2027-01-08",
            // England: Christmas and Boxing Day substitutes (Dec 27, 28) and New Year's Day substitute (Jan 3 2028)
            "GB-ENG, 2027-12-20, 2028-01-06",
            // Ontario: Good Friday 2027 (Mar 26); Easter Monday is not a public holiday there
            "CA-ON, 2027-03-22, 2027-04-06",
            // France: May 2026 bridges, Ascension (May 14) and Whit Monday (May 25)
            "FR,    2026-05-11, 2026-05-27",
            // South Africa: Freedom Day (Apr 27) and Workers' Day (May 1)
            "ZA,    2026-04-24, 2026-05-12",
    })
    void A3_returnDueDateInTheCustomersCountry(String calendar, LocalDate receipt, LocalDate due) {
        assertEquals(due, calendar(calendar).addBusinessDays(receipt, 10));
    }

    @Test
    void A3_businessDaysLeftUntilTheDueDateAreTheInverseOfAddingThem() {
        BusinessCalendar us = calendar("US");
        LocalDate receipt = date("2026-12-22");
        LocalDate due = us.addBusinessDays(receipt, 10);
        assertEquals(10, us.businessDaysBetween(receipt, due));
        assertEquals(0, us.businessDaysBetween(due, due));
        // over Christmas: Wed 23, Thu 24 (Fri 25 holiday, weekend), Mon 28
        assertEquals(3, us.businessDaysBetween(receipt, date("2026-12-28")));
        // overdue: negative business days past the due date
        assertEquals(-1, us.businessDaysBetween(due.plusDays(1), due));
    }

    @Test
    void A3_zeroDaysIsTheDateItselfWhenABusinessDayElseTheNextOne() {
        BusinessCalendar us = calendar("US");
        assertEquals(date("2026-05-19"), us.addBusinessDays(date("2026-05-19"), 0));
        assertEquals(date("2026-05-18"), us.addBusinessDays(date("2026-05-16"), 0));
        assertEquals(date("2026-11-27"), us.addBusinessDays(date("2026-11-26"), 0));
    }

    @Test
    void A3_theStartDateNeverCountsAsOneOfTheDays() {
        BusinessCalendar us = calendar("US");
        assertEquals(date("2026-05-20"), us.addBusinessDays(date("2026-05-19"), 1));
        // Saturday and Sunday starts both give Monday as the first business day after them.
        assertEquals(date("2026-05-18"), us.addBusinessDays(date("2026-05-16"), 1));
        assertEquals(date("2026-05-18"), us.addBusinessDays(date("2026-05-17"), 1));
    }

    @ParameterizedTest(name = "{0}: after {1} -> {2}")
    @CsvSource({
            "US,     2026-05-15, 2026-05-18",  // Friday -> Monday
            "US,     2026-12-31, 2027-01-04",  // year boundary, New Year's Day on a Friday
            "US,     2027-12-30, 2028-01-03",  // New Year's Day 2028 observed Friday 2027-12-31
            "GB-ENG, 2027-12-24, 2027-12-29",  // Christmas and Boxing Day substitutes
            "DE,     2026-12-24, 2026-12-28",
            "NL,     2026-04-24, 2026-04-28",  // King's Day on Monday
            "US,     2026-07-02, 2026-07-06",  // Independence Day observed Friday Jul 3
    })
    void S1_nextBusinessDayIsStrictlyAfter(String calendar, LocalDate date, LocalDate next) {
        assertEquals(next, calendar(calendar).nextBusinessDay(date));
    }

    @Test
    void S1_weekendsAndHolidaysAreNotBusinessDays() {
        BusinessCalendar us = calendar("US");
        assertTrue(us.isBusinessDay(date("2026-05-15")));
        assertFalse(us.isBusinessDay(date("2026-05-16")));
        assertFalse(us.isBusinessDay(date("2026-05-17")));
        assertFalse(us.isBusinessDay(date("2026-07-03")));
        assertTrue(us.isBusinessDay(date("2026-07-02")));
        // The Friday after Thanksgiving is a business day federally but a holiday in California.
        assertTrue(us.isBusinessDay(date("2026-11-27")));
        assertFalse(calendar("US-CA").isBusinessDay(date("2026-11-27")));
    }

    @Test
    void A3_negativeDaysAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calendar("US").addBusinessDays(date("2026-05-19"), -1));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
    }

    @Test
    void S1_yearsOutsideTheRangeAreRefusedClearly() {
        BusinessCalendar us = calendar("US");
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> us.isBusinessDay(date("1969-12-31")));
        assertTrue(before.getMessage().contains("1969"), before.getMessage());
        // Friday 2199-12-27: the last two business days of the range are Monday 30 and Tuesday 31 December.
        assertEquals(date("2199-12-31"), us.addBusinessDays(date("2199-12-27"), 2));
        IllegalArgumentException after = assertThrows(IllegalArgumentException.class,
                () -> us.addBusinessDays(date("2199-12-27"), 3));
        assertTrue(after.getMessage().contains("2200"), after.getMessage());
    }

    @Test
    void A3_largeCountsCrossManyYears() {
        BusinessCalendar de = calendar("DE");
        LocalDate start = date("2026-01-02");
        LocalDate result = de.addBusinessDays(start, 2_500);
        assertTrue(de.isBusinessDay(result));
        assertEquals(result, de.addBusinessDays(de.addBusinessDays(start, 1_234), 1_266));
    }
}
