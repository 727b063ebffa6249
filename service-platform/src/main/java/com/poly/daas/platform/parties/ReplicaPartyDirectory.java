package com.poly.daas.platform.parties;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** The directory of every service that does not own partners and customers: its replica of contract-service's facts. */
@ApplicationScoped
@DefaultBean
public class ReplicaPartyDirectory implements PartyDirectory {
    @Inject
    PartyReplica replica;

    @Override
    public Optional<PartnerStanding> partner(String partnerId) {
        return replica.partner(partnerId);
    }

    @Override
    public Optional<CustomerSite> customer(String customerId) {
        return replica.customer(customerId);
    }

    @Override
    public Set<String> customersOf(String partnerId, Collection<String> customerIds) {
        return replica.customersOf(partnerId, customerIds);
    }
}
