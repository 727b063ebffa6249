package com.poly.daas.platform.security;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.function.Supplier;
import org.hibernate.Session;

/**
 * Hot queries that state the partner predicate themselves (issue 16). Hibernate never reuses the SQL translation of
 * an HQL query while a filter is enabled on the session ({@code SqmInterpretationsKey.isCacheable}), and the partner
 * filter ({@link PartnerOwnedEntity}) is enabled on every session: every HQL query was translated again on every call,
 * a third of a ticket list's CPU and the largest share of opening a ticket in the profiles (docs/benchmarks.md).
 * <p>
 * A query run through {@link #explicitly} writes the filter's own condition into its where clause ({@link #restrict}:
 * the caller's partner, nothing for staff and internal work, exactly as {@link PartnerScopeResolver} gives the filter)
 * and runs with the filter off for that query only, so Hibernate caches its translation. Use it for a single query
 * over partner-owned entities whose where clause went through {@link #restrict} or names the partner already; loads by
 * id and everything else keep the filter. The isolation suites run every operation that uses it.
 */
@ApplicationScoped
public class PartnerScope {
    /** The parameter {@link #restrict} binds (not a name any query uses otherwise). */
    public static final String PARAMETER = "scopePartner";

    @Inject
    EntityManager em;

    private final PartnerScopeResolver resolver = new PartnerScopeResolver();

    /** The partner the current caller is confined to, or {@link Caller#ALL_PARTNERS}. */
    public String current() {
        return resolver.get();
    }

    /** Appends the filter's condition on {@code partnerField} for the current caller (nothing when it sees all partners). */
    public void restrict(String partnerField, StringBuilder where, Parameters params) {
        String partner = current();
        if (!Caller.ALL_PARTNERS.equals(partner)) {
            where.append(" and ").append(partnerField).append(" = :").append(PARAMETER);
            params.and(PARAMETER, partner);
        }
    }

    /**
     * Runs internal work that sees every partner (an event consumer's handler: {@link #current()} is
     * {@link Caller#ALL_PARTNERS}) with the filter off, where its condition is true for every row anyway, so Hibernate
     * caches the translation of the work's queries. Work with any other scope runs with the filter as it is.
     */
    public void unrestricted(Runnable work) {
        if (!Caller.ALL_PARTNERS.equals(current())) {
            work.run();
            return;
        }
        explicitly(() -> {
            work.run();
            return null;
        });
    }

    /** Runs one query whose where clause carries the partner condition, with the session's partner filter off. */
    public <T> T explicitly(Supplier<T> query) {
        Session session = em.unwrap(Session.class);
        if (session.getEnabledFilter(PartnerOwnedEntity.FILTER) == null) {
            return query.get();
        }
        session.disableFilter(PartnerOwnedEntity.FILTER);
        try {
            return query.get();
        } finally {
            session.enableFilter(PartnerOwnedEntity.FILTER);
        }
    }
}
