package com.poly.daas.rma.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's confirmed hardware failure (S3) as it reached this service, and what was decided on it: an RMA
 * (AUTHORISED) or a refusal with its rule (REFUSED). One row per ticket: a replayed {@code HardwareFailureConfirmed}
 * never opens a second RMA. Internal (no partner API), so not partner-filtered.
 */
@Entity
@Table(name = "failure_report")
public class FailureReport {
    public static final String AUTHORISED = "AUTHORISED";
    public static final String REFUSED = "REFUSED";

    @Id
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "customer_id")
    public String customerId;
    public String serial;
    public String cause;
    @Column(name = "site_country")
    public String siteCountry;
    @Column(name = "site_subdivision")
    public String siteSubdivision;
    @Column(name = "site_zone")
    public String siteZone;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "confirmed_at")
    public Instant confirmedAt;
    public String outcome;
    @Column(name = "rma_id")
    public UUID rmaId;
    @Column(name = "refusal_rule")
    public String refusalRule;
    @Column(name = "refusal_reason")
    public String refusalReason;
    @Column(name = "decided_at")
    public Instant decidedAt;
}
