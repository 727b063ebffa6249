package com.poly.daas.registry.service;

import com.poly.daas.events.registry.DeviceRegistered;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.parties.PartyDirectory;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.DeviceViews;
import com.poly.daas.registry.api.DeviceViews.BulkDevice;
import com.poly.daas.registry.api.DeviceViews.BulkResult;
import com.poly.daas.registry.api.DeviceViews.RejectedRow;
import com.poly.daas.registry.domain.DeviceStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
import org.hibernate.Session;

/**
 * Bulk registration for partner ERPs (up to {@link #MAX_ROWS} serials per request). The batch is validated as a
 * whole with one query for the models and one for serials already registered; mode {@code all} stores nothing when
 * a row is bad, mode {@code partial} stores the good rows. Good rows are written with JDBC batches (rewritten by
 * the driver into multi-row inserts): the device and its first status-history row, then one DeviceRegistered event
 * each through the outbox's batch API, all in the request's transaction.
 */
@ApplicationScoped
public class BulkRegistration {
    public static final int MAX_ROWS = 10_000;
    private static final Pattern SERIAL = Pattern.compile(DeviceViews.SERIAL_PATTERN);
    private static final int BATCH = 1000;

    public enum Mode { ALL, PARTIAL }

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;
    @Inject
    Outbox outbox;
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
        outbox.publishAll(good.stream().map(row -> new DeviceRegistered(row.serial(), row.sku(), partnerId, row.customerId(),
                row.deliveredOn(), null)).toList());
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

    private void insert(Connection c, String partnerId, List<BulkDevice> good, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement device = c.prepareStatement("""
                insert into device (id, partner_id, customer_id, serial, sku, delivered_on, status, replaces_serial, registered_at, version)
                values (?, ?, ?, ?, ?, ?, ?, null, ?, 0)""");
             PreparedStatement history = c.prepareStatement("""
                     insert into device_status_change (id, partner_id, device_id, previous_status, status, reason, changed_at)
                     values (?, ?, ?, null, ?, 'registered (bulk)', ?)""")) {
            int pending = 0;
            for (BulkDevice row : good) {
                UUID id = UUID.randomUUID();
                device.setObject(1, id);
                device.setString(2, partnerId);
                device.setString(3, row.customerId());
                device.setString(4, row.serial());
                device.setString(5, row.sku());
                if (row.deliveredOn() == null) {
                    device.setNull(6, Types.DATE);
                } else {
                    device.setDate(6, Date.valueOf(row.deliveredOn()));
                }
                device.setString(7, DeviceStatus.REGISTERED.name());
                device.setTimestamp(8, at);
                device.addBatch();

                history.setObject(1, UUID.randomUUID());
                history.setString(2, partnerId);
                history.setObject(3, id);
                history.setString(4, DeviceStatus.REGISTERED.name());
                history.setTimestamp(5, at);
                history.addBatch();


                if (++pending == BATCH) {
                    flush(device, history);
                    pending = 0;
                }
            }
            if (pending > 0) {
                flush(device, history);
            }
        }
    }

    private static void flush(PreparedStatement device, PreparedStatement history) throws SQLException {
        try {
            device.executeBatch();
        } catch (BatchUpdateException e) {
            if ("23505".equals(e.getSQLState()) || (e.getNextException() != null && "23505".equals(e.getNextException().getSQLState()))) {
                // registered concurrently by another request between the duplicate check and this insert
                throw ApiProblem.conflict("duplicate-serial", "Serial registered concurrently",
                        "A serial of this batch was registered by another request meanwhile; nothing was stored. Retry.", null);
            }
            throw e;
        }
        history.executeBatch();
    }
}
