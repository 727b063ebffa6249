package com.poly.daas.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One run of monthly invoicing (staff data, not partner-owned): SCHEDULED (first business day of the month, per
 * issuing entity) or ON_DEMAND; RUNNING until no contract of its month and entities is left pending, then COMPLETED.
 * Each contract's outcome is a row of {@code invoice_run_contract}.
 */
@Entity
@Table(name = "invoice_run")
public class InvoiceRun extends PanacheEntityBase {
    @Id
    public UUID id;
    public String month;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "invoices_created")
    public int invoicesCreated;
    /** B3: contracts of the month that were already invoiced by an earlier run and were not billed again. */
    @Column(name = "already_invoiced")
    public int alreadyInvoiced;
    /** NA, EMEA, or null for both. */
    @Column(name = "issuing_entity")
    public String issuingEntity;
    /** SCHEDULED or ON_DEMAND. */
    @Column(name = "run_trigger")
    public String trigger;
    /** RUNNING or COMPLETED. */
    public String status;
    @Column(name = "finished_at")
    public Instant finishedAt;
}
