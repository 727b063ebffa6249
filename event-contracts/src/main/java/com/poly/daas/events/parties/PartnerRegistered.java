package com.poly.daas.events.parties;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A certified partner joined the programme (P1). Every service keeps a replica of partners from this and
 * {@link PartnerCertificationChanged}: a partner token whose partner is unknown is refused everywhere, and what a
 * partner whose certification is not active may still do is decided per service (docs/decisions.md).
 * {@code certificationStatus} is ACTIVE, SUSPENDED or REVOKED; active means ACTIVE and today within
 * [{@code certifiedFrom}, {@code certifiedUntil}].
 */
public record PartnerRegistered(String partnerId, String name, String certificationStatus, LocalDate certifiedFrom,
                                LocalDate certifiedUntil, Instant registeredAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return partnerId;
    }
}
