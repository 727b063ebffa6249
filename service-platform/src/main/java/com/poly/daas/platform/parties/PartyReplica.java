package com.poly.daas.platform.parties;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.parties.CustomerChanged;
import com.poly.daas.events.parties.CustomerCreated;
import com.poly.daas.events.parties.PartnerCertificationChanged;
import com.poly.daas.events.parties.PartnerRegistered;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/**
 * The replica of partners and customers kept by every service but contract-service, from the events on
 * {@code daas.contracts.parties.v1}. Each event carries the whole state of its partner or customer, so applying it is
 * an upsert; a service's consumer calls {@link #apply} through its inbox (once per event, replayable).
 */
@ApplicationScoped
public class PartyReplica {
    /** The event types this replica applies (a consumer ignores the others on the topic). */
    public static boolean applies(String eventType) {
        return switch (eventType) {
            case "PartnerRegistered", "PartnerCertificationChanged", "CustomerCreated", "CustomerChanged" -> true;
            default -> false;
        };
    }

    @Inject
    EntityManager em;
    @Inject
    AgroalDataSource dataSource;

    /** Applies one event inside the consumer's transaction. */
    public void apply(EventEnvelope event) {
        switch (event.type()) {
            case "PartnerRegistered" -> {
                var e = EventJson.payload(event, PartnerRegistered.class);
                upsertPartner(e.partnerId(), e.certificationStatus(), e.certifiedFrom(), e.certifiedUntil(), event);
            }
            case "PartnerCertificationChanged" -> {
                var e = EventJson.payload(event, PartnerCertificationChanged.class);
                upsertPartner(e.partnerId(), e.certificationStatus(), e.certifiedFrom(), e.certifiedUntil(), event);
            }
            case "CustomerCreated" -> {
                var e = EventJson.payload(event, CustomerCreated.class);
                upsertCustomer(new CustomerSite(e.customerId(), e.partnerId(), e.country(), e.subdivision(), e.timeZone(),
                        e.region(), e.currency()), event);
            }
            case "CustomerChanged" -> {
                var e = EventJson.payload(event, CustomerChanged.class);
                upsertCustomer(new CustomerSite(e.customerId(), e.partnerId(), e.country(), e.subdivision(), e.timeZone(),
                        e.region(), e.currency()), event);
            }
            default -> {
                // not a party fact
            }
        }
    }

    private void upsertPartner(String id, String status, java.time.LocalDate from, java.time.LocalDate until, EventEnvelope event) {
        // occurred_at orders the facts: a replayed older event never overwrites a newer state
        em.createNativeQuery("""
                        insert into party_partner (partner_id, certification_status, certified_from, certified_until, updated_at)
                        values (?1, ?2, ?3, ?4, ?5)
                        on conflict (partner_id) do update set certification_status = excluded.certification_status,
                            certified_from = excluded.certified_from, certified_until = excluded.certified_until,
                            updated_at = excluded.updated_at
                        where party_partner.updated_at <= excluded.updated_at""")
                .setParameter(1, id).setParameter(2, status).setParameter(3, Date.valueOf(from))
                .setParameter(4, Date.valueOf(until)).setParameter(5, Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }

    private void upsertCustomer(CustomerSite c, EventEnvelope event) {
        em.createNativeQuery("""
                        insert into party_customer (customer_id, partner_id, country, subdivision, time_zone, region, currency, updated_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        on conflict (customer_id) do update set partner_id = excluded.partner_id, country = excluded.country,
                            subdivision = excluded.subdivision, time_zone = excluded.time_zone, region = excluded.region,
                            currency = excluded.currency, updated_at = excluded.updated_at
                        where party_customer.updated_at <= excluded.updated_at""")
                .setParameter(1, c.customerId()).setParameter(2, c.partnerId()).setParameter(3, c.country())
                .setParameter(4, c.subdivision()).setParameter(5, c.timeZone()).setParameter(6, c.region())
                .setParameter(7, c.currency()).setParameter(8, Timestamp.from(event.occurredAt()))
                .executeUpdate();
    }

    public Optional<PartnerStanding> partner(String partnerId) {
        return query("select partner_id, certification_status, certified_from, certified_until from party_partner where partner_id = ?",
                partnerId, rs -> new PartnerStanding(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        rs.getDate(4).toLocalDate()));
    }

    public Optional<CustomerSite> customer(String customerId) {
        return query("select customer_id, partner_id, country, subdivision, time_zone, region, currency from party_customer where customer_id = ?",
                customerId, rs -> new CustomerSite(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)));
    }

    public java.util.Set<String> customersOf(String partnerId, java.util.Collection<String> customerIds) {
        java.util.Set<String> owned = new java.util.HashSet<>();
        if (customerIds.isEmpty()) {
            return owned;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select customer_id from party_customer where partner_id = ? and customer_id = any(?::varchar[])")) {
            ps.setString(1, partnerId);
            ps.setArray(2, c.createArrayOf("varchar", customerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owned.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the party replica", e);
        }
        return owned;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** A plain JDBC read, outside the request's Hibernate session (see {@link PartyDirectory}). */
    private <T> Optional<T> query(String sql, String id, Row<T> row) {
        if (id == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the party replica", e);
        }
    }
}
