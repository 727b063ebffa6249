package com.poly.daas.contract.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.platform.outbox.Outbox;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Certified partners for development and the local run (P1), so that a dev token such as
 * {@code ./daas token --role partner --partner P-1001} can sell at once: P-1001 and P-1002 active, P-1003 suspended.
 * Enabled by {@code daas.contracts.seed} (on in %dev; follows DAAS_REGISTRY_SEED in the local run). Idempotent and safe
 * with several replicas: existing partners are never touched.
 */
@ApplicationScoped
public class PartnerSeed {
    private static final Logger LOG = Logger.getLogger(PartnerSeed.class);

    record SeedPartner(String id, String name, String status) {
    }

    static final List<SeedPartner> PARTNERS = List.of(
            new SeedPartner("P-1001", "Northwind Unified Communications Inc.", "ACTIVE"),
            new SeedPartner("P-1002", "Fabrikam Collaboration GmbH", "ACTIVE"),
            new SeedPartner("P-1003", "Litware Voice Ltd (certification suspended)", "SUSPENDED"));

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @ConfigProperty(name = "daas.contracts.seed", defaultValue = "false")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            LOG.infof("Seeded %d certified partners", seed());
        }
    }

    /** Adds the partners that are missing; returns how many were added. */
    @Transactional
    public int seed() {
        int added = 0;
        for (SeedPartner p : PARTNERS) {
            int inserted = em.createNativeQuery("""
                            insert into partner (id, partner_id, name, certification_status, certified_from, certified_until, created_at, version)
                            values (?1, ?1, ?2, ?3, ?4, ?5, ?6, 0) on conflict (id) do nothing""")
                    .setParameter(1, p.id()).setParameter(2, p.name()).setParameter(3, p.status())
                    .setParameter(4, LocalDate.of(2020, 1, 1)).setParameter(5, LocalDate.of(2099, 12, 31))
                    .setParameter(6, Timestamp.from(clock.instant())).executeUpdate();
            // the other services learn the partner like any other (issue 9). Published at every seeded start, with the
            // partner's current state, so a local run whose data predates the partner events still fills the replicas.
            Object[] row = (Object[]) em.createNativeQuery("""
                            select name, certification_status, certified_from, certified_until from partner where id = ?1""")
                    .setParameter(1, p.id()).getSingleResult();
            outbox.publish(new PartnerRegistered(p.id(), (String) row[0], (String) row[1],
                    day(row[2]), day(row[3]), clock.instant()));
            added += inserted;
        }
        return added;
    }

    private static LocalDate day(Object column) {
        return column instanceof LocalDate d ? d : ((java.sql.Date) column).toLocalDate();
    }
}
