package com.poly.daas.contract.service;

import com.poly.daas.contract.api.ContractViews.MoneyAmount;
import com.poly.daas.contract.api.ContractViews.NewContract;
import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.ContractStatus;
import com.poly.daas.contract.domain.ContractTerm;
import com.poly.daas.contract.domain.CoverageEndReason;
import com.poly.daas.contract.domain.Customer;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.persistence.ContractRepository;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.contract.persistence.CustomerRepository;
import com.poly.daas.events.contracts.ContractActivated;
import com.poly.daas.events.contracts.ContractTerminated;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Contract lifecycle: draft, activate, terminate (expiry is {@link ExpiryJob}). State and events commit together. */
@ApplicationScoped
public class ContractBook {
    @Inject
    ContractRepository contracts;
    @Inject
    CustomerRepository customers;
    @Inject
    CoverageRepository coverages;
    @Inject
    PartnerDirectory partners;
    @Inject
    CoverageEvents coverageEvents;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public Contract create(NewContract request) {
        caller.partnerId().ifPresent(own -> caller.actingFor(request.partnerId()));
        Customer customer = customers.byId(request.customerId())
                .orElseThrow(() -> ApiProblem.notFound("customer", request.customerId()));
        if (request.partnerId() != null && !request.partnerId().equals(customer.partnerId)) {
            throw ApiProblem.invalidField("partnerId", "the customer belongs to another partner");
        }
        if (!ContractTerm.isAllowed(request.termMonths())) {
            throw ApiProblem.invalidField("termMonths", "must be one of " + ContractTerm.ALLOWED_MONTHS + " (P3)");
        }
        requireCurrency("monthlyFee", request.monthlyFee(), customer);
        requireCurrency("extendedCoverageFee", request.extendedCoverageFee(), customer);
        partners.requireActive(customer.partnerId);
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.partnerId = customer.partnerId;
        contract.customerId = customer.id;
        contract.customerCountry = customer.country;
        contract.termMonths = request.termMonths();
        contract.currency = customer.currency;
        contract.monthlyFee = request.monthlyFee().amount().setScale(2);
        contract.extendedFee = request.extendedCoverageFee().amount().setScale(2);
        contract.status = ContractStatus.DRAFT;
        contract.createdAt = clock.instant();
        contracts.persist(contract);
        audit.recordStaffChange("contract.drafted", "Contract", contract.id.toString(), null, request);
        return contract;
    }

    /** DRAFT -> ACTIVE (P1: the partner must be certified today). Publishes ContractActivated (B1 starts). */
    @Transactional
    public Contract activate(String id, String ifMatch) {
        Contract contract = contracts.byId(id).orElseThrow(() -> ApiProblem.notFound("contract", id));
        ETags.requireMatch(ifMatch, contract.version);
        partners.requireActive(contract.partnerId);
        ContractStatus before = contract.status;
        contract.activate(LocalDate.now(clock));
        outbox.publish(new ContractActivated(contract.id.toString(), contract.partnerId, contract.customerId.toString(),
                contract.customerCountry, contract.termMonths, contract.currency, contract.activatedOn));
        audit.recordStaffChange("contract.activated", "Contract", id, Map.of("status", before), Map.of("status", contract.status));
        return contract;
    }

    /**
     * ACTIVE -> TERMINATED, effective today: every device still enrolled stops being covered today
     * (DeviceCoverageEnded, CONTRACT_TERMINATED). Decision: allowed even when the partner's certification lapsed.
     */
    @Transactional
    public Contract terminate(String id, String ifMatch, String reason) {
        Contract contract = contracts.byId(id).orElseThrow(() -> ApiProblem.notFound("contract", id));
        ETags.requireMatch(ifMatch, contract.version);
        LocalDate today = LocalDate.now(clock);
        ContractStatus before = contract.status;
        contract.terminate(today, reason);
        for (DeviceCoverage device : coverages.openOfContract(contract.id)) {
            device.end(today, CoverageEndReason.CONTRACT_TERMINATED);
            coverageEvents.ended(device);
        }
        outbox.publish(new ContractTerminated(contract.id.toString(), contract.partnerId, today, reason));
        audit.recordStaffChange("contract.terminated", "Contract", id, Map.of("status", before),
                Map.of("status", contract.status, "reason", reason));
        return contract;
    }

    private static void requireCurrency(String field, MoneyAmount money, Customer customer) {
        if (!customer.currency.equals(money.currency())) {
            throw ApiProblem.invalidField(field + ".currency", "must be " + customer.currency + ", the contract currency of a customer in "
                    + customer.country);
        }
    }
}
