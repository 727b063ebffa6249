package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * B1: the monthly invoice of one contract; at most one per contract and month (B3). Numbered gap-free per issuing
 * entity and year; never changes once issued (a database trigger refuses any update or delete): corrections are lines
 * on a later invoice. A document whose total is negative (only credits and corrections) is a {@code CREDIT_NOTE} in
 * the same number sequence.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "customer_id")
    public String customerId;
    /** YYYY-MM */
    public String month;
    public String currency;
    public BigDecimal total;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "run_id")
    public UUID runId;
    /** e.g. NA-2027-000123 */
    public String number;
    @Column(name = "issuing_entity")
    public String issuingEntity;
    /** INVOICE, or CREDIT_NOTE when the total is negative. */
    @Column(name = "document_type")
    public String documentType = "INVOICE";
    /** The issue date in the issuing entity's calendar (the number's year). */
    @Column(name = "issued_on")
    public java.time.LocalDate issuedOn;
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("lineNo")
    public List<InvoiceLine> lines = new ArrayList<>();
}
