package com.poly.daas.contract.domain;

import com.poly.daas.platform.api.ApiProblem;
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

/** A DaaS contract between a certified partner and one of its customers. */
@Entity
@Table(name = "contract")
public class Contract extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "customer_country")
    public String customerCountry;
    @Column(name = "term_months")
    public int termMonths;
    public String currency;
    /** B1: per device per month. */
    @Column(name = "monthly_fee")
    public BigDecimal monthlyFee;
    /** B1: per device per month, on top of the monthly fee, for devices enrolled with the extended option. */
    @Column(name = "extended_fee")
    public BigDecimal extendedFee;
    @Enumerated(EnumType.STRING)
    public ContractStatus status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "activated_on")
    public LocalDate activatedOn;
    /** Exclusive: activatedOn + term; the contract expires on this day. */
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Version
    public long version;

    public void activate(LocalDate today) {
        requireTransition(ContractStatus.ACTIVE);
        status = ContractStatus.ACTIVE;
        activatedOn = today;
        endsOn = today.plusMonths(termMonths);
    }

    public void terminate(LocalDate today, String reason) {
        requireTransition(ContractStatus.TERMINATED);
        status = ContractStatus.TERMINATED;
        endedOn = today;
        endReason = reason;
    }

    public void expire() {
        requireTransition(ContractStatus.EXPIRED);
        status = ContractStatus.EXPIRED;
        endedOn = endsOn;
        endReason = "term ended";
    }

    public boolean everActivated() {
        return activatedOn != null;
    }

    private void requireTransition(ContractStatus next) {
        if (!status.canBecome(next)) {
            throw ApiProblem.conflict("illegal-transition", "Transition not allowed",
                    "Contract " + id + " is " + status + " and cannot become " + next
                            + " (lifecycle DRAFT -> ACTIVE -> EXPIRED | TERMINATED).", null);
        }
    }
}
