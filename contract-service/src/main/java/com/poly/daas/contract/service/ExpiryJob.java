package com.poly.daas.contract.service;

import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.CoverageEndReason;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.events.contracts.ContractExpired;
import com.poly.daas.platform.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Contracts and device periods end by themselves on their end date. Safe to run twice and on several replicas at
 * once: each batch locks its due rows with {@code FOR UPDATE SKIP LOCKED} (another replica skips them, and once
 * committed they are no longer due), and each expiry commits with its event (outbox) in one transaction.
 * "Today" is the UTC date of the injected clock.
 */
@ApplicationScoped
public class ExpiryJob {
    private static final Logger LOG = Logger.getLogger(ExpiryJob.class);
    static final int BATCH = 100;

    @Inject
    EntityManager em;
    @Inject
    CoverageRepository coverages;
    @Inject
    CoverageEvents coverageEvents;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;

    @Scheduled(identity = "contract-expiry", every = "{daas.contracts.expiry.every:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int ended = runOnce();
        if (ended > 0) {
            LOG.infof("Expiry: %d device periods and contracts ended", ended);
        }
    }

    /** Ends every device period and contract due today or earlier; returns how many it ended. */
    public int runOnce() {
        LocalDate today = LocalDate.now(clock);
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(() -> endDevicePeriods(today));
            total += done;
        } while (done == BATCH);
        do {
            done = QuarkusTransaction.requiringNew().call(() -> expireContracts(today));
            total += done;
        } while (done == BATCH);
        return total;
    }

    /** P3: a device's period ends on its (exclusive) end date. */
    private int endDevicePeriods(LocalDate today) {
        List<UUID> due = due("""
                select id from device_coverage where status = 'COVERED' and coverage_end <= ?1
                order by coverage_end limit ?2 for update skip locked""", today);
        for (UUID id : due) {
            DeviceCoverage device = em.find(DeviceCoverage.class, id);
            device.end(device.coverageEnd, CoverageEndReason.PERIOD_ENDED);
            coverageEvents.ended(device);
        }
        return due.size();
    }

    /**
     * A contract expires at activation + term. Devices whose own period runs on (delivered after activation) keep it
     * (they end with their period); devices never delivered end with the contract.
     */
    private int expireContracts(LocalDate today) {
        List<UUID> due = due("""
                select id from contract where status = 'ACTIVE' and ends_on <= ?1
                order by ends_on limit ?2 for update skip locked""", today);
        for (UUID id : due) {
            Contract contract = em.find(Contract.class, id);
            contract.expire();
            for (DeviceCoverage device : coverages.openOfContract(contract.id)) {
                if (device.coverageStart == null) {
                    device.end(contract.endsOn, CoverageEndReason.CONTRACT_EXPIRED);
                    coverageEvents.ended(device);
                }
            }
            outbox.publish(new ContractExpired(contract.id.toString(), contract.partnerId, contract.endsOn));
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due(String sql, LocalDate today) {
        return em.createNativeQuery(sql).setParameter(1, today).setParameter(2, BATCH).getResultList();
    }
}
