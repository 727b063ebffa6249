package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of a charge's history: who moved it from which status to which, when and why. */
@Entity
@Table(name = "charge_history")
public class ChargeHistoryEntry extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "charge_id")
    public UUID chargeId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "from_status")
    public String fromStatus;
    @Column(name = "to_status")
    public String toStatus;
    public String actor;
    public String note;
}
