package com.poly.daas.platform.sql;

import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import org.hibernate.Session;

/**
 * One statement on the current transaction's own connection, without Hibernate. For statements that touch no entity
 * (idempotency keys, the inbox): a Hibernate native DML statement costs an auto-flush check and a pass over every
 * entity type on each call (issue 16, the write path's and the event path's profiles in docs/benchmarks.md).
 */
public final class PlainSql {
    private PlainSql() {
    }

    /** Executes {@code sql} with {@code values} bound in order ({@code null} as SQL NULL); returns the row count. */
    public static int update(EntityManager em, String sql, Object... values) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 1, Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, values[i]);
                    }
                }
                return statement.executeUpdate();
            }
        });
    }
}
