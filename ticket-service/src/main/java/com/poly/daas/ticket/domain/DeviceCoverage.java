package com.poly.daas.ticket.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The device's coverage on one day as first-level support shows it on a ticket (P3, E1): covered with its contract,
 * option and period, or not covered with the rule (P3) and why. Not covered is a flag, never a refusal: the partner
 * still gets first-level support and the agent sees at once that an advance replacement would be refused.
 */
public record DeviceCoverage(LocalDate day, boolean covered, String rule, String reason, String contractId,
                             String option, LocalDate periodStart, LocalDate periodEnd) {

    /** Decides from the partner's coverage rows of the serial (any order). */
    public static DeviceCoverage on(LocalDate day, String serial, List<CoveredDevice> rows) {
        for (CoveredDevice row : rows) {
            if (row.covers(day)) {
                LocalDate end = row.endedOn != null && (row.coverageEnd == null || row.endedOn.isBefore(row.coverageEnd))
                        ? row.endedOn : row.coverageEnd;
                return new DeviceCoverage(day, true, null, null, row.contractId, row.option, row.coverageStart, end);
            }
        }
        if (rows.isEmpty()) {
            return new DeviceCoverage(day, false, "P3", "no contract of the partner covers device " + serial,
                    null, null, null, null);
        }
        // the most recently known period explains the gap best
        CoveredDevice latest = rows.stream().max(Comparator.comparing((CoveredDevice r) -> r.updatedAt)).orElseThrow();
        String why;
        if (latest.coverageStart == null) {
            why = "its delivery date is not reported yet, so its service period has not started (P3)";
        } else if (day.isBefore(latest.coverageStart)) {
            why = "its service period starts on " + latest.coverageStart + " (P3)";
        } else if (latest.endedOn != null && !day.isBefore(latest.endedOn)) {
            why = "its coverage ended on " + latest.endedOn + " (" + latest.endReason + ")";
        } else {
            why = "its service period ended on " + latest.coverageEnd + " (P3)";
        }
        return new DeviceCoverage(day, false, "P3", "device " + serial + " is not covered on " + day + ": " + why,
                latest.contractId, latest.option, latest.coverageStart,
                latest.endedOn != null ? latest.endedOn : latest.coverageEnd);
    }
}
