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

/** B1: the monthly invoice of one contract; at most one per contract and month (B3). Immutable once issued. */
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
    @OneToMany(mappedBy = "invoice", cascade = CascadeType.ALL)
    @OrderBy("serial")
    public List<InvoiceLine> lines = new ArrayList<>();
}
