package com.poly.daas.rma.service;

import com.poly.daas.events.rmas.ExcessRmaDetected;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.parties.CustomerSite;
import com.poly.daas.platform.parties.PartyDirectory;
import com.poly.daas.rma.domain.AnnualRmaRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * E5: counts every authorised RMA once in its customer's calendar year (the customer's local date) and, when the RMA
 * takes the customer's rate strictly above the threshold, publishes {@link ExcessRmaDetected} for it, once (the RMA id
 * is the key of the count). The installed base comes from this service's coverage replica (DeviceEnrolled,
 * DeviceCoverageEnded). Authorisations of one customer are serialised by a transaction-scoped advisory lock.
 */
@ApplicationScoped
public class AnnualRmaRates {
    @Inject
    EntityManager em;
    @Inject
    Outbox outbox;
    @Inject
    PartyDirectory parties;
    @Inject
    Clock clock;
    @ConfigProperty(name = "daas.rma-rate.threshold-percent", defaultValue = "2")
    BigDecimal thresholdPercent;

    @Transactional(Transactional.TxType.MANDATORY)
    public void authorised(RmaAuthorised e) {
        if (e.rmaId() == null || e.customerId() == null || e.partnerId() == null || e.authorisedAt() == null) {
            throw new IllegalArgumentException("RmaAuthorised without rmaId, customerId, partnerId or authorisedAt");
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))").setParameter(1, "rma-rate:" + e.customerId())
                .getSingleResult();
        boolean known = !em.createNativeQuery("select 1 from rma_rate_authorisation where rma_id = ?1")
                .setParameter(1, e.rmaId()).getResultList().isEmpty();
        if (known) {
            return; // B3/E5: an RMA counts once, however often its authorisation is delivered
        }
        Optional<CustomerSite> customer = parties.customer(e.customerId());
        LocalDate authorisedOn = e.authorisedAt().atZone(zone(customer)).toLocalDate();
        int year = authorisedOn.getYear();
        int rmas = countInYear(e.customerId(), year) + 1;
        AnnualRmaRate rate = AnnualRmaRate.of(year, rmas, authorisedOn, day -> devicesOn(e.customerId(), day), thresholdPercent);
        boolean excess = rate.exceedsThreshold();
        em.createNativeQuery("""
                        insert into rma_rate_authorisation (rma_id, partner_id, customer_id, contract_id, serial, sku,
                            authorised_on, rate_year, rmas_in_year, installed_base, rate_percent, threshold_percent, excess,
                            recorded_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, e.rmaId()).setParameter(2, e.partnerId()).setParameter(3, e.customerId())
                .setParameter(4, e.contractId()).setParameter(5, e.serial()).setParameter(6, e.sku())
                .setParameter(7, Date.valueOf(authorisedOn)).setParameter(8, year).setParameter(9, rmas)
                .setParameter(10, rate.installedBase()).setParameter(11, rate.ratePercent())
                .setParameter(12, thresholdPercent).setParameter(13, excess)
                .setParameter(14, Timestamp.from(clock.instant()))
                .executeUpdate();
        if (excess) {
            String region = customer.map(CustomerSite::region).orElse(null);
            String currency = customer.map(CustomerSite::currency).orElse(null);
            outbox.publish(new ExcessRmaDetected(e.rmaId(), e.partnerId(), e.customerId(), e.contractId(), e.serial(),
                    e.sku(), year, rmas, rate.installedBase(), rate.ratePercent(), thresholdPercent, region, currency,
                    priceList(region, currency), authorisedOn, clock.instant()));
        }
    }

    /** The customer's rate for a year as known today (a past year: all twelve month-ends). */
    public AnnualRmaRate rate(String customerId, int year) {
        Optional<CustomerSite> customer = parties.customer(customerId);
        LocalDate today = clock.instant().atZone(zone(customer)).toLocalDate();
        LocalDate asOf = today.getYear() > year ? LocalDate.of(year, 12, 31) : today;
        return AnnualRmaRate.of(year, countInYear(customerId, year), asOf, day -> devicesOn(customerId, day), thresholdPercent);
    }

    public BigDecimal threshold() {
        return thresholdPercent;
    }

    private int countInYear(String customerId, int year) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from rma_rate_authorisation where customer_id = ?1 and rate_year = ?2")
                .setParameter(1, customerId).setParameter(2, year).getSingleResult()).intValue();
    }

    /** Devices of the customer under active contract on the day (P3 period, coverage not ended). */
    int devicesOn(String customerId, LocalDate day) {
        return ((Number) em.createNativeQuery("""
                        select count(distinct serial) from covered_device
                        where customer_id = ?1 and coverage_start <= ?2
                          and (coverage_end is null or coverage_end > ?2) and (ended_on is null or ended_on > ?2)""")
                .setParameter(1, customerId).setParameter(2, Date.valueOf(day)).getSingleResult()).intValue();
    }

    private static ZoneId zone(Optional<CustomerSite> customer) {
        return customer.map(CustomerSite::timeZone).map(ZoneId::of).orElse(ZoneOffset.UTC);
    }

    /** The registry's price list of the customer's region and currency (NA-USD, NA-CAD, EMEA-EUR, EMEA-GBP). */
    static String priceList(String region, String currency) {
        if (region == null || currency == null) {
            return null;
        }
        return ("NORTH_AMERICA".equals(region) ? "NA" : "EMEA") + "-" + currency;
    }
}
