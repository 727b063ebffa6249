package com.poly.daas.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CoverageDayTest {

    @Test
    void P4_theCoverageDayIsTheCustomersDay_lateEveningInLosAngelesAndEarlyMorningInBerlin() {
        // 22:30 on June 30 in Los Angeles is July 1 in UTC
        assertEquals(LocalDate.of(2026, 6, 30), CoverageDay.of(Instant.parse("2026-07-01T05:30:00Z"), "America/Los_Angeles"));
        // 01:30 on July 1 in Berlin is June 30 in UTC
        assertEquals(LocalDate.of(2026, 7, 1), CoverageDay.of(Instant.parse("2026-06-30T23:30:00Z"), "Europe/Berlin"));
        // no zone known (an older event): UTC
        assertEquals(LocalDate.of(2026, 6, 30), CoverageDay.of(Instant.parse("2026-06-30T23:30:00Z"), null));
        assertThrows(IllegalArgumentException.class, () -> CoverageDay.of(Instant.now(), "Nowhere/Else"));
    }
}
