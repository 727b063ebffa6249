package com.poly.daas.billing.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.List;

/**
 * The ERP export of a month's invoices (B1): one row per invoice line, the invoice's header repeated on each, in a
 * stable column set (docs/billing.md, "ERP export"); new columns are only ever appended. Streamed from a JDBC cursor
 * (fetch size {@value #FETCH}) straight to the response: never built in memory. Native SQL bypasses the partner
 * filter, so the partner scope is a mandatory argument ({@code "*"} only for staff).
 */
@ApplicationScoped
public class InvoiceExport {
    static final int FETCH = 500;

    /** The columns, in order: CSV header and JSON Lines keys alike. */
    public static final List<String> COLUMNS = List.of(
            "invoice_number", "document_type", "issuing_entity", "invoice_id", "issued_on", "invoice_month", "partner_id",
            "customer_id", "contract_id", "currency", "invoice_total", "line_no", "line_kind", "rule_ids", "serial", "sku",
            "coverage_option", "service_month", "corrects_month", "period_from", "period_to", "days", "days_in_month",
            "monthly_fee", "extended_fee", "line_amount", "rma_id", "charge_id", "credit_note_id");

    private static final String SQL = """
            select i.number, i.document_type, i.issuing_entity, cast(i.id as varchar), i.issued_on, i.month, i.partner_id,
                   i.customer_id, i.contract_id, i.currency, i.total, l.line_no, l.kind, l.rule_ids, l.serial, l.sku,
                   l.coverage_option, l.service_month, l.corrects_month, l.period_from, l.period_to, l.days, l.days_in_month,
                   l.monthly_fee, l.extended_fee, l.amount, l.rma_id, cast(l.charge_id as varchar), cast(l.credit_note_id as varchar)
            from invoice i join invoice_line l on l.invoice_id = i.id
            where i.month = ? and (? = '*' or i.partner_id = ?)
            order by i.number, l.line_no""";

    public enum Format { CSV, JSONL }

    @Inject
    AgroalDataSource dataSource;

    /** Writes the month's lines visible to {@code partnerScope} ("*" = every partner) to {@code out}. */
    public void write(YearMonth month, String partnerScope, Format format, OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setFetchSize(FETCH);
                statement.setString(1, month.toString());
                statement.setString(2, partnerScope);
                statement.setString(3, partnerScope);
                try (ResultSet rows = statement.executeQuery()) {
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    if (format == Format.CSV) {
                        csv(rows, writer);
                    } else {
                        jsonLines(rows, writer);
                    }
                    writer.flush();
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export of " + month + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void csv(ResultSet rows, Writer out) throws SQLException, IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        while (rows.next()) {
            for (int c = 1; c <= COLUMNS.size(); c++) {
                if (c > 1) {
                    out.write(',');
                }
                out.write(csvField(text(rows, c)));
            }
            out.write("\r\n");
        }
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; null is empty. */
    static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static void jsonLines(ResultSet rows, Writer out) throws SQLException, IOException {
        JsonFactory factory = new JsonFactory();
        while (rows.next()) {
            JsonGenerator json = factory.createGenerator(out);
            json.writeStartObject();
            for (int c = 1; c <= COLUMNS.size(); c++) {
                String name = COLUMNS.get(c - 1);
                Object value = rows.getObject(c);
                if (value == null) {
                    json.writeNullField(name);
                } else if (value instanceof Number n && !(value instanceof BigDecimal)) {
                    json.writeNumberField(name, n.longValue());
                } else {
                    json.writeStringField(name, text(rows, c)); // money as decimal strings, never floats
                }
            }
            json.writeEndObject();
            json.flush();
            out.write('\n');
        }
    }

    /** Money as plain decimals (monetary amounts at their stored scale), dates ISO 8601. */
    private static String text(ResultSet rows, int c) throws SQLException {
        Object value = rows.getObject(c);
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            BigDecimal plain = d.stripTrailingZeros();
            return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
        }
        return value.toString();
    }
}
