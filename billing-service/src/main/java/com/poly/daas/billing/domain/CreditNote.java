package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A4: the credit of an unreturned-unit charge whose unit arrived inside the grace window; one per charge.
 * {@code ISSUED}: deducted on the customer's next monthly invoice ({@code INVOICED} then); {@code OFFSET}: the charge
 * had not been invoiced yet, so it never will be and there is nothing to deduct.
 */
@Entity
@Table(name = "credit_note")
public class CreditNote extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "charge_id")
    public UUID chargeId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "rma_id")
    public String rmaId;
    public String serial;
    @Column(name = "rule_ids")
    public String ruleIds;
    public BigDecimal amount;
    public String currency;
    public String status;
    public String reason;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    @Column(name = "issued_at")
    public Instant issuedAt;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "invoice_month")
    public String invoiceMonth;
}
