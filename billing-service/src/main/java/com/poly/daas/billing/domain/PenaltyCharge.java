package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A penalty charge (B2) raised for one RMA and one cause, at most once (B3: unique (rma, cause)). Priced from the list
 * price in force on {@code aroseOn} in the customer's region currency, or {@code UNPRICED} with the reason.
 */
@Entity
@Table(name = "penalty_charge")
public class PenaltyCharge extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "rma_id")
    public String rmaId;
    public String serial;
    public String sku;
    @Enumerated(EnumType.STRING)
    public ChargeCause cause;
    @Column(name = "rule_ids")
    public String ruleIds;
    @Enumerated(EnumType.STRING)
    public ChargeStatus status;
    /** Null while UNPRICED; never zero for a missing price. */
    public BigDecimal amount;
    public String currency;
    @Column(name = "price_list")
    public String priceList;
    /** The first day of the list price used (in force on {@code aroseOn}). */
    @Column(name = "price_valid_from")
    public LocalDate priceValidFrom;
    /** B2: the day the charge arose (A4: first day overdue; E5: the day the RMA was authorised). */
    @Column(name = "arose_on")
    public LocalDate aroseOn;
    @Column(name = "unpriced_reason")
    public String unpricedReason;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "late_return_on")
    public LocalDate lateReturnOn;
    @Column(name = "late_return_note")
    public String lateReturnNote;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "invoice_month")
    public String invoiceMonth;
    /** What the cause's event said (e.g. E5: rate, threshold, installed base, RMA count of the year). */
    public String details;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public long version;
}
