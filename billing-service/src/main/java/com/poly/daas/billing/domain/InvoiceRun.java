package com.poly.daas.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of monthly invoicing (staff data, not partner-owned). */
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
}
