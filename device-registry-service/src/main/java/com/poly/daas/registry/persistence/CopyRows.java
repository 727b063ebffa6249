package com.poly.daas.registry.persistence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed to PostgreSQL with {@code COPY ... FROM STDIN} (text format) on the caller's connection, so inside its
 * transaction (issue 16, bulk registration): one statement for thousands of rows, sent in 64 KiB chunks while the next
 * rows are being written, so the database works in parallel and no request-sized buffer is ever built. Values are
 * escaped as the text format requires (backslash, tab, newline, carriage return); {@code null} is {@code \N}. Column
 * defaults (e.g. {@code outbox_event.seq}) are filled in row order, and constraints and triggers apply as for INSERT:
 * a unique violation fails the COPY (SQL state 23505) and with it the transaction.
 */
public final class CopyRows implements AutoCloseable {
    private static final int CHUNK = 1 << 16;

    private final CopyIn in;
    private byte[] buffer = new byte[CHUNK + 4096];
    private int length;
    private boolean rowStarted;
    private long rows;
    private final OutputStream escaping = new OutputStream() {
        @Override
        public void write(int b) {
            escapeByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int count) {
            ensure(count * 2);
            for (int i = offset; i < offset + count; i++) {
                escapeByte(bytes[i]);
            }
        }
    };

    private CopyRows(CopyIn in) {
        this.in = in;
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on this connection, in its current transaction. */
    public static CopyRows start(Connection connection, String table, String columns) throws SQLException {
        return new CopyRows(connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin"));
    }

    /** Adds the next value of the current row ({@code null}: SQL NULL). */
    public CopyRows value(String value) {
        separate();
        if (value == null) {
            return nullValue();
        }
        int n = value.length();
        ensure(n * 2);
        for (int i = 0; i < n; i++) {
            char ch = value.charAt(i);
            if (ch >= 0x80) {
                // rare (ids and serials are ASCII): escape the rest as a string, then encode it as UTF-8
                byte[] rest = escape(value.substring(i)).getBytes(StandardCharsets.UTF_8);
                ensure(rest.length);
                System.arraycopy(rest, 0, buffer, length, rest.length);
                length += rest.length;
                return this;
            }
            escapeByte((byte) ch);
        }
        return this;
    }

    /** Adds a value whose text form needs no escaping and is ASCII (numbers, UUIDs, ISO dates and instants, enum names). */
    public CopyRows plain(Object value) {
        if (value == null) {
            return value((String) null);
        }
        separate();
        String text = value.toString();
        int n = text.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buffer[length++] = (byte) text.charAt(i);
        }
        return this;
    }

    /** Adds {@code value} as JSON written by {@code writer} (which must not close its target), escaped for COPY. */
    public CopyRows json(ObjectWriter writer, Object value) {
        separate();
        try {
            writer.writeValue(escaping, value);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot serialise " + value.getClass().getSimpleName(), e);
        }
        return this;
    }

    /** A writer for {@link #json}: {@code writer} that leaves the stream open. */
    public static ObjectWriter jsonWriter(ObjectWriter writer) {
        return writer.without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Ends the current row; sends the rows written so far once they fill a chunk. */
    public CopyRows endRow() throws SQLException {
        ensure(1);
        buffer[length++] = '\n';
        rowStarted = false;
        rows++;
        if (length >= CHUNK) {
            send();
        }
        return this;
    }

    /** Sends what is left and ends the COPY; returns the number of rows the database stored. */
    public long finish() throws SQLException {
        if (rowStarted) {
            throw new IllegalStateException("row not ended");
        }
        send();
        return in.endCopy();
    }

    public long rows() {
        return rows;
    }

    /** Cancels the COPY if it was not finished (the transaction then fails and rolls back). */
    @Override
    public void close() throws SQLException {
        if (in.isActive()) {
            in.cancelCopy();
        }
    }

    private CopyRows nullValue() {
        ensure(2);
        buffer[length++] = '\\';
        buffer[length++] = 'N';
        return this;
    }

    private void send() throws SQLException {
        if (length > 0) {
            in.writeToCopy(buffer, 0, length);
            length = 0;
        }
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            buffer[length++] = '\t';
        }
        rowStarted = true;
    }

    private void escapeByte(byte b) {
        ensure(2);
        switch (b) {
            case '\\' -> {
                buffer[length++] = '\\';
                buffer[length++] = '\\';
            }
            case '\t' -> {
                buffer[length++] = '\\';
                buffer[length++] = 't';
            }
            case '\n' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'n';
            }
            case '\r' -> {
                buffer[length++] = '\\';
                buffer[length++] = 'r';
            }
            default -> buffer[length++] = b;
        }
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
