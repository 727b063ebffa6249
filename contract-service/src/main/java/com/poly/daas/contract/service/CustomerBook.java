package com.poly.daas.contract.service;

import com.poly.daas.contract.api.ContractViews.NewCustomer;
import com.poly.daas.contract.api.ContractViews.SiteMove;
import com.poly.daas.events.parties.CustomerChanged;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.outbox.Outbox;
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
    @Inject
    Outbox outbox;

    @Transactional
    public Customer add(NewCustomer request, String partnerId) {
        Region region = site(request.country(), request.subdivision(), request.timeZone());
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
        outbox.publish(new CustomerCreated(customer.id.toString(), partnerId, customer.country, customer.subdivision,
                customer.timeZone, region.name(), customer.currency, customer.createdAt));
        audit.recordStaffChange("customer.added", "Customer", customer.id.toString(), null, request);
        return customer;
    }

    /**
     * The customer's site moved (S1, A3 clocks run in it). P2: the new country must be in the customer's region, since
     * its contracts are priced in that region's currency; a move to another region is a new customer.
     */
    @Transactional
    public Customer moveSite(String customerId, SiteMove move, String ifMatch) {
        Customer customer = customers.byId(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        ETags.requireMatch(ifMatch, customer.version);
        Region region = site(move.country(), move.subdivision(), move.timeZone());
        if (region != customer.region || !Region.currencyOf(move.country()).equals(customer.currency)) {
            throw ApiProblem.ruleViolation("P2", "site-outside-customer-region", "Site outside the customer's region",
                    "A customer's contracts are in " + customer.currency + " (" + customer.region + "); a site in "
                            + move.country() + " needs a new customer.").field("country", "outside the customer's region and currency");
        }
        var before = java.util.Map.of("country", customer.country, "subdivision", String.valueOf(customer.subdivision),
                "timeZone", customer.timeZone);
        customer.country = move.country();
        customer.subdivision = move.subdivision();
        customer.timeZone = move.timeZone();
        customers.flush();
        outbox.publish(new CustomerChanged(customer.id.toString(), customer.partnerId, customer.country,
                customer.subdivision, customer.timeZone, customer.region.name(), customer.currency, clock.instant()));
        audit.recordStaffChange("customer.site-moved", "Customer", customerId, before, move);
        return customer;
    }

    /** P2 and S1: a served country, a subdivision of it, an IANA zone; returns the country's region. */
    private static Region site(String country, String subdivision, String timeZone) {
        if (!Region.isIsoCountry(country)) {
            throw ApiProblem.invalidField("country", "'" + country + "' is not an ISO-3166 alpha-2 country code");
        }
        Region region = Region.of(country).orElseThrow(() -> ApiProblem.ruleViolation("P2", "region-not-served",
                        "Country outside the programme",
                        "The programme exists only in North America (US, CA, MX) and EMEA; " + country + " is in neither.")
                .field("country", "outside North America and EMEA (P2)"));
        if (subdivision != null && !subdivision.startsWith(country + "-")) {
            throw ApiProblem.invalidField("subdivision", "must be a subdivision of " + country + " (" + country + "-...)");
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ApiProblem.invalidField("timeZone", "'" + timeZone + "' is not an IANA time zone (e.g. Europe/Paris)");
        }
        return region;
    }
}
