package com.poly.daas.registry.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} (text format), sent on the caller's connection, so inside its
 * transaction: one round trip and no per-row statement for thousands of rows (issue 16, bulk registration). Values are
 * escaped as the text format requires (backslash, tab, newline, carriage return); {@code null} is written as
 * {@code \N}. Column defaults (e.g. {@code outbox_event.seq}) are filled in row order, and constraints and triggers
 * apply as for INSERT: a unique violation fails the whole COPY with SQL state 23505.
 */
public final class CopyRows {
    private final String sql;
    private final StringBuilder text;
    private boolean rowStarted;
    private int rows;

    /**
     * @param table   the table, as in the connection's search path
     * @param columns its columns in the order the values are added
     * @param rows    expected number of rows (sizes the buffer)
     */
    public CopyRows(String table, String columns, int rows) {
        this.sql = "copy " + table + " (" + columns + ") from stdin";
        this.text = new StringBuilder(Math.max(64, rows) * 96);
    }

    /** Adds the next value of the current row ({@code null}: SQL NULL). */
    public CopyRows value(String value) {
        separate();
        if (value == null) {
            text.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    /** Adds a value that needs no escaping (numbers, UUIDs, ISO dates and instants, enum names). */
    public CopyRows plain(Object value) {
        separate();
        if (value == null) {
            text.append("\\N");
        } else {
            text.append(value);
        }
        return this;
    }

    /** Ends the current row. */
    public CopyRows endRow() {
        text.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    public int rows() {
        return rows;
    }

    /** Sends the rows with one COPY on this connection (in its current transaction); returns the rows stored. */
    public long copy(Connection connection) throws SQLException {
        if (rowStarted) {
            throw new IllegalStateException("row not ended");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            int chunk = 1 << 16;
            for (int offset = 0; offset < bytes.length; offset += chunk) {
                in.writeToCopy(bytes, offset, Math.min(chunk, bytes.length - offset));
            }
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private void separate() {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
    }
}
