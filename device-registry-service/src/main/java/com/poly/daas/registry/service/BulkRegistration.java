package com.poly.daas.registry.service;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.EventType;
import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.parties.PartyDirectory;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.DeviceViews;
import com.poly.daas.registry.api.DeviceViews.BulkDevice;
import com.poly.daas.registry.api.DeviceViews.BulkResult;
import com.poly.daas.registry.api.DeviceViews.RejectedRow;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.persistence.CopyRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Bulk registration for partner ERPs (up to {@link #MAX_ROWS} serials per request). The batch is validated as a
 * whole with one query for the models and one for serials already registered; mode {@code all} stores nothing when
 * a row is bad, mode {@code partial} stores the good rows. Good rows are written with one PostgreSQL COPY per table
 * (issue 16: the device, its first status-history row, and one DeviceRegistered outbox row each, the same rows the
 * platform's {@link com.poly.daas.platform.outbox.Outbox} writes, relayed by its relay), all in the request's
 * transaction.
 */
@ApplicationScoped
public class BulkRegistration {
    public static final int MAX_ROWS = 10_000;
    private static final Pattern SERIAL = Pattern.compile(DeviceViews.SERIAL_PATTERN);
    /**
     * The outbox payload of a DeviceRegistered: the same JSON as {@link EventJson#envelope} + {@link EventJson#write}
     * (same mapper, same field names), written straight into the COPY stream instead of through a JSON tree and a
     * string per device.
     */
    private static final ObjectWriter ENVELOPE_WRITER = CopyRows.jsonWriter(EventJson.mapper().writerFor(TypedEnvelope.class));

    public enum Mode { ALL, PARTIAL }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;
    @ConfigProperty(name = "quarkus.application.name")
    String producer;
    @Inject
    PartyDirectory parties;

    @Transactional
    public BulkResult register(String partnerId, List<BulkDevice> rows, Mode mode) {
        Session session = em.unwrap(Session.class);
        session.flush();
        List<RejectedRow> rejected = new ArrayList<>();
        boolean[] bad = new boolean[rows.size()];
        LocalDate today = LocalDate.now(clock);
        Set<String> skus = new HashSet<>();
        for (BulkDevice row : rows) {
            if (row != null && row.sku() != null) {
                skus.add(row.sku());
            }
        }
        Set<String> knownSkus = session.doReturningWork(c -> knownSkus(c, skus));
        Set<String> ownCustomers = parties.customersOf(partnerId, rows.stream()
                .filter(r -> r != null && r.customerId() != null).map(BulkDevice::customerId).collect(java.util.stream.Collectors.toSet()));
        Map<String, Integer> firstRow = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            BulkDevice row = rows.get(i);
            int index = i;
            java.util.function.BiConsumer<String, String> reject = (field, reason) -> {
                bad[index] = true;
                rejected.add(new RejectedRow(index, row == null ? null : row.serial(), field, reason));
            };
            if (row == null) {
                reject.accept("devices[" + i + "]", "must not be null");
                continue;
            }
            if (row.serial() == null || row.serial().isBlank()) {
                reject.accept("serial", "must not be blank");
            } else if (!SERIAL.matcher(row.serial()).matches()) {
                reject.accept("serial", "must be 4-40 upper-case letters, digits or '-'");
            }
            if (row.sku() == null || row.sku().isBlank()) {
                reject.accept("sku", "must not be blank");
            } else if (!knownSkus.contains(row.sku())) {
                reject.accept("sku", "unknown model " + row.sku());
            }
            if (row.customerId() == null || row.customerId().isBlank()) {
                reject.accept("customerId", "must not be blank");
            } else if (row.customerId().length() > 64) {
                reject.accept("customerId", "must be at most 64 characters");
            } else if (!ownCustomers.contains(row.customerId())) {
                // issue 9: unknown and another partner's customers are refused alike
                reject.accept("customerId", "no such customer for this partner");
            }
            if (row.deliveredOn() != null && row.deliveredOn().isAfter(today)) {
                reject.accept("deliveredOn", "must not be in the future");
            }
            if (row.serial() != null && row.sku() != null) {
                Integer earlier = firstRow.putIfAbsent(row.serial(), i);
                if (earlier != null) {
                    reject.accept("serial", "duplicate of row " + earlier + " in this request");
                }
            }
        }
        // One query for the whole batch: which serials are registered already, by anyone (serials are unique worldwide;
        // only "taken" is revealed, as for a single registration: docs/security.md).
        Set<String> taken = session.doReturningWork(c -> taken(c, rows, bad));
        for (int i = 0; i < rows.size(); i++) {
            BulkDevice row = rows.get(i);
            if (!bad[i] && taken.contains(row.serial())) {
                bad[i] = true;
                rejected.add(new RejectedRow(i, row.serial(), "serial", "already registered"));
            }
        }
        rejected.sort(java.util.Comparator.comparingInt(RejectedRow::index));
        if (!rejected.isEmpty() && mode == Mode.ALL) {
            ApiProblem problem = ApiProblem.ruleViolation(null, "bulk-registration-rejected", "No device registered",
                    rejected.size() + " row(s) of " + rows.size() + " are invalid; nothing was stored. Fix them, or send mode=partial "
                            + "to store the valid rows.");
            rejected.forEach(r -> problem.field(r.field().startsWith("devices[") ? r.field() : "devices[" + r.index() + "]." + r.field(), r.reason()));
            throw problem;
        }
        List<BulkDevice> good = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!bad[i]) {
                good.add(rows.get(i));
            }
        }
        Instant now = clock.instant();
        session.doWork(c -> insert(c, partnerId, good, now));
        audit.recordStaffChange("device.bulk-registered", "Partner", partnerId, null,
                Map.of("registered", good.size(), "rejected", rejected.size(), "mode", mode.name()));
        return new BulkResult(mode.name().toLowerCase(), rows.size(), good.size(), rejected);
    }

    private static Set<String> knownSkus(Connection c, Set<String> skus) throws SQLException {
        Set<String> known = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("select sku from model where sku = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", skus.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                }
            }
        }
        return known;
    }

    private static Set<String> taken(Connection c, List<BulkDevice> rows, boolean[] bad) throws SQLException {
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!bad[i]) {
                serials.add(rows.get(i).serial());
            }
        }
        Set<String> taken = new HashSet<>();
        if (serials.isEmpty()) {
            return taken;
        }
        try (PreparedStatement ps = c.prepareStatement("select serial from device where serial = any(?::varchar[])")) {
            ps.setArray(1, c.createArrayOf("varchar", serials.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    taken.add(rs.getString(1));
                }
            }
        }
        return taken;
    }

    /**
     * The good rows with one COPY per table in the request's transaction, in request order: the devices, their first
     * status change, and one DeviceRegistered outbox row each (its {@code seq}, the relay's order, follows the rows).
     * The duplicate check above has already reported serials registered earlier; one registered by another request
     * since then fails the COPY on the unique index, and the whole request is refused with 409 (nothing stored).
     */
    private void insert(Connection c, String partnerId, List<BulkDevice> good, Instant now) throws SQLException {
        String at = now.toString();
        String status = DeviceStatus.REGISTERED.name();
        UUID[] ids = new UUID[good.size()];
        try (CopyRows devices = CopyRows.start(c, "device", "id, partner_id, customer_id, serial, sku, delivered_on, "
                + "status, replaces_serial, registered_at, version")) {
            for (int i = 0; i < ids.length; i++) {
                BulkDevice row = good.get(i);
                ids[i] = UUID.randomUUID();
                devices.plain(ids[i]).value(partnerId).value(row.customerId()).value(row.serial()).value(row.sku())
                        .plain(row.deliveredOn()).plain(status).plain(null).plain(at).plain(0).endRow();
            }
            devices.finish();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                // registered concurrently by another request between the duplicate check and this insert
                throw ApiProblem.conflict("duplicate-serial", "Serial registered concurrently",
                        "A serial of this batch was registered by another request meanwhile; nothing was stored. Retry.", null);
            }
            throw e;
        }
        try (CopyRows history = CopyRows.start(c, "device_status_change", "id, partner_id, device_id, previous_status, "
                + "status, reason, changed_at")) {
            for (UUID id : ids) {
                history.plain(UUID.randomUUID()).value(partnerId).plain(id).plain(null).plain(status)
                        .value("registered (bulk)").plain(at).endRow();
            }
            history.finish();
        }
        EventType type = EventType.DEVICE_REGISTERED;
        try (CopyRows events = CopyRows.start(c, "outbox_event", "id, aggregatetype, aggregateid, type, payload, topic, "
                + "schema_version, occurred_at")) {
            for (BulkDevice row : good) {
                UUID eventId = UUID.randomUUID();
                DeviceRegistered event = new DeviceRegistered(row.serial(), row.sku(), partnerId, row.customerId(),
                        row.deliveredOn(), null);
                events.plain(eventId).value(type.aggregateType()).value(event.aggregateId()).value(type.wireName())
                        .json(ENVELOPE_WRITER, new TypedEnvelope(eventId, type.wireName(), type.schemaVersion(), at,
                                type.aggregateType(), event.aggregateId(), producer, event))
                        .value(type.topic()).plain(type.schemaVersion()).plain(at).endRow();
            }
            events.finish();
        }
    }

    /**
     * {@link com.poly.daas.events.EventEnvelope} with the payload as the event itself rather than a JSON tree, and
     * {@code occurredAt} formatted once per request ({@link Instant#toString()} is ISO_INSTANT, as the mapper writes it).
     */
    record TypedEnvelope(UUID eventId, String type, int schemaVersion, String occurredAt, String aggregateType,
                         String aggregateId, String producer, DomainEvent payload) {
    }
}
