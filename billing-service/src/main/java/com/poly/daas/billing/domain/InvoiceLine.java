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

/** One line of an invoice: a covered device's monthly fee (B1), a penalty charge (B2) or a credit note (A4). */
@Entity
@Table(name = "invoice_line")
public class InvoiceLine extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "invoice_id")
    public Invoice invoice;
    /** DEVICE (B1), ADJUSTMENT (B1: a settled month re-priced after a late fact), CHARGE (B2) or CREDIT (A4, negative). */
    public String kind = "DEVICE";
    @Column(name = "line_no")
    public Integer lineNo;
    /** The month of service the line bills (DEVICE: the invoice's month; ADJUSTMENT: the month it corrects). */
    @Column(name = "service_month")
    public String serviceMonth;
    /** ADJUSTMENT: the earlier month this line corrects. */
    @Column(name = "corrects_month")
    public String correctsMonth;
    /** Why the line is there, in words (e.g. the late fact an adjustment corrects). */
    public String note;
    @Column(name = "charge_id")
    public UUID chargeId;
    @Column(name = "credit_note_id")
    public UUID creditNoteId;
    @Column(name = "rma_id")
    public String rmaId;
    @Column(name = "rule_ids")
    public String ruleIds;
    public String serial;
    public String sku;
    @Column(name = "coverage_option")
    public String option;
    @Column(name = "period_from")
    public LocalDate periodFrom;
    @Column(name = "period_to")
    public LocalDate periodTo;
    public Integer days;
    @Column(name = "days_in_month")
    public Integer daysInMonth;
    @Column(name = "monthly_fee")
    public BigDecimal monthlyFee;
    @Column(name = "extended_fee")
    public BigDecimal extendedFee;
    public BigDecimal amount;
}
