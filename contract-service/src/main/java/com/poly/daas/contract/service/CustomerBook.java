package com.poly.daas.contract.service;

import com.poly.daas.contract.api.ContractViews.NewCustomer;
import com.poly.daas.contract.domain.Customer;
import com.poly.daas.contract.domain.Region;
import com.poly.daas.contract.persistence.CustomerRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.security.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;

/** The partners' end customers (P2). */
@ApplicationScoped
public class CustomerBook {
    @Inject
    CustomerRepository customers;
    @Inject
    PartnerDirectory partners;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;

    @Transactional
    public Customer add(NewCustomer request, String partnerId) {
        if (!Region.isIsoCountry(request.country())) {
            throw ApiProblem.invalidField("country", "'" + request.country() + "' is not an ISO-3166 alpha-2 country code");
        }
        Region region = Region.of(request.country()).orElseThrow(() -> ApiProblem.ruleViolation("P2", "region-not-served",
                        "Country outside the programme",
                        "The programme exists only in North America (US, CA, MX) and EMEA; " + request.country() + " is in neither.")
                .field("country", "outside North America and EMEA (P2)"));
        if (request.subdivision() != null && !request.subdivision().startsWith(request.country() + "-")) {
            throw ApiProblem.invalidField("subdivision", "must be a subdivision of " + request.country() + " (" + request.country() + "-...)");
        }
        try {
            ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "'" + request.timeZone() + "' is not an IANA time zone (e.g. Europe/Paris)");
        }
        partners.requireActive(partnerId);
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.partnerId = partnerId;
        customer.legalName = request.legalName();
        customer.country = request.country();
        customer.subdivision = request.subdivision();
        customer.timeZone = request.timeZone();
        customer.region = region;
        customer.currency = Region.currencyOf(request.country());
        customer.createdAt = clock.instant();
        customers.persist(customer);
        audit.recordStaffChange("customer.added", "Customer", customer.id.toString(), null, request);
        return customer;
    }
}
