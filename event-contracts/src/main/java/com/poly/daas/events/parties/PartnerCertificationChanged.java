package com.poly.daas.events.parties;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;

/** A partner's certification changed (P1): suspended, revoked, renewed; carries the whole certification state. */
public record PartnerCertificationChanged(String partnerId, String certificationStatus, LocalDate certifiedFrom,
                                          LocalDate certifiedUntil, Instant changedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return partnerId;
    }
}
