package com.poly.daas.billing.service;

import com.poly.daas.billing.domain.IssuingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * B1: gap-free invoice numbers per issuing entity and year. The number is taken from a counter row locked in the
 * transaction that issues the invoice (the {@code update ... returning} takes the row lock {@code select ... for
 * update} would, in one round trip): a concurrent issuer waits for the commit,
 * and a rolled-back invoice rolls its number back with it, so numbers are never skipped or given twice (a database
 * sequence would leave gaps). Call it last in the issuing transaction: the row stays locked until the commit.
 */
@ApplicationScoped
public class InvoiceNumbers {
    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public String next(IssuingEntity entity, int year) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> next = em.createNativeQuery("""
                        update invoice_number_counter set last_number = last_number + 1
                        where issuing_entity = ?1 and year = ?2 returning last_number""")
                .setParameter(1, entity.name()).setParameter(2, year).getResultList();
        if (next.isEmpty()) { // the year's first number: create the row (a racing creator makes us wait, then retry)
            em.createNativeQuery("""
                            insert into invoice_number_counter (issuing_entity, year, last_number) values (?1, ?2, 0)
                            on conflict (issuing_entity, year) do nothing""")
                    .setParameter(1, entity.name()).setParameter(2, year).executeUpdate();
            return next(entity, year);
        }
        return entity.number(year, next.get(0).longValue());
    }

    /**
     * Takes the next {@code count} numbers of the entity's year at once, on the issuing transaction's connection, and
     * returns the first (the others follow it). Same counter row and lock as {@link #next}: a batch that rolls back
     * gives all of them back. Callers taking several entities' blocks in one transaction take them in name order.
     */
    public long reserve(Connection connection, IssuingEntity entity, int year, int count) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement("""
                update invoice_number_counter set last_number = last_number + ?
                where issuing_entity = ? and year = ? returning last_number""")) {
            take.setInt(1, count);
            take.setString(2, entity.name());
            take.setInt(3, year);
            try (ResultSet rs = take.executeQuery()) {
                if (rs.next()) {
                    return rs.getLong(1) - count + 1;
                }
            }
        }
        try (PreparedStatement create = connection.prepareStatement("""
                insert into invoice_number_counter (issuing_entity, year, last_number) values (?, ?, 0)
                on conflict (issuing_entity, year) do nothing""")) {
            create.setString(1, entity.name());
            create.setInt(2, year);
            create.executeUpdate();
        }
        return reserve(connection, entity, year, count);
    }
}
