package com.poly.daas.contract.persistence;

import com.poly.daas.platform.parties.CustomerSite;
import com.poly.daas.platform.parties.PartnerStanding;
import com.poly.daas.platform.parties.PartyDirectory;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * contract-service owns partners and customers, so it answers the platform's directory (unknown-partner admission,
 * ownership checks) from its own tables rather than from a replica. Plain JDBC: the partner filter asks while the
 * request's Hibernate session opens.
 */
@ApplicationScoped
public class OwnPartyDirectory implements PartyDirectory {
    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<PartnerStanding> partner(String partnerId) {
        if (partnerId == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select id, certification_status, certified_from, certified_until from partner where id = ?")) {
            ps.setString(1, partnerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new PartnerStanding(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                                rs.getDate(4).toLocalDate()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read partners", e);
        }
    }

    @Override
    public Optional<CustomerSite> customer(String customerId) {
        UUID id;
        try {
            id = UUID.fromString(customerId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select partner_id, country, subdivision, time_zone, region, currency from customer where id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new CustomerSite(customerId, rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read customers", e);
        }
    }
}
