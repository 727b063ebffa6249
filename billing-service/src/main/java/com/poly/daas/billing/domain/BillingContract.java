package com.poly.daas.billing.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** What billing knows of a contract, from contract-service's events only. {@code endedOn} is the first day not billed. */
@Entity
@Table(name = "billing_contract")
public class BillingContract extends PartnerOwnedEntity {
    @Id
    @Column(name = "contract_id")
    public String contractId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "customer_country")
    public String customerCountry;
    public String currency;
    @Column(name = "term_months")
    public Integer termMonths;
    /** B1: billed monthly from activation; null while only devices are known. */
    @Column(name = "activated_on")
    public LocalDate activatedOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    /** The termination day (first day not billed for any device); null unless terminated (an expiry is not). */
    @Column(name = "terminated_on")
    public LocalDate terminatedOn;
    /** B1: NA or EMEA, from the customer's country (P2). */
    @Column(name = "issuing_entity")
    public String issuingEntity;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "events_applied")
    public int eventsApplied;

    public String status() {
        if (activatedOn == null) {
            return "PENDING";
        }
        return endedOn == null ? "ACTIVE" : "ENDED";
    }
}
