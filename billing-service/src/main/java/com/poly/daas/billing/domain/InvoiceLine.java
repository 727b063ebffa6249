package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One covered device's charge on an invoice (B1). */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;
    public String serial;
    public String sku;
    @Column(name = "coverage_option")
    public String option;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    public int days;
    @Column(name = "days_in_month")
    public int daysInMonth;
    @Column(name = "monthly_fee")
    public BigDecimal monthlyFee;
    @Column(name = "extended_fee")
    public BigDecimal extendedFee;
    public BigDecimal amount;
}
