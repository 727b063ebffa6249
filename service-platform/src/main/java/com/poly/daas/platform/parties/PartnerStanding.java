package com.poly.daas.platform.parties;

import java.time.LocalDate;

/**
 * What the suite knows of a partner (P1): its certification status and validity. {@code ACTIVE} within
 * [{@code certifiedFrom}, {@code certifiedUntil}] is an active certification; anything else (SUSPENDED, REVOKED,
 * lapsed) is not. What a partner without an active certification may still do is in docs/decisions.md.
 */
public record PartnerStanding(String partnerId, String certificationStatus, LocalDate certifiedFrom,
                              LocalDate certifiedUntil) {
    public boolean activeOn(LocalDate day) {
        return "ACTIVE".equals(certificationStatus) && !day.isBefore(certifiedFrom) && !day.isAfter(certifiedUntil);
    }
}
