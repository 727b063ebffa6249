package com.poly.daas.platform.parties;

import java.util.Optional;

/**
 * Where a service looks up partners and customers. The default is the replica built from contract-service's events
 * ({@link PartyReplica}); contract-service, which owns the facts, provides its own implementation on its tables.
 * Implementations must not go through the request's Hibernate session: the partner filter asks this directory while
 * that session opens.
 */
public interface PartyDirectory {
    Optional<PartnerStanding> partner(String partnerId);

    Optional<CustomerSite> customer(String customerId);

    /** Which of these customer ids belong to the partner (bulk requests check all their rows at once). */
    default java.util.Set<String> customersOf(String partnerId, java.util.Collection<String> customerIds) {
        return customerIds.stream().filter(id -> customer(id).filter(c -> c.partnerId().equals(partnerId)).isPresent())
                .collect(java.util.stream.Collectors.toSet());
    }
}
