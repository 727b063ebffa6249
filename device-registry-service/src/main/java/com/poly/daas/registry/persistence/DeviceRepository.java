package com.poly.daas.registry.persistence;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.domain.DeviceStatusChange;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> bySkuAndSerial(String sku, String serial) {
        return find("sku = ?1 and serial = ?2", sku, serial).firstResultOptional();
    }

    public Optional<Device> bySerial(String serial) {
        return find("serial", Sort.by("sku"), serial).firstResultOptional();
    }

    /** A serial, narrowed to one model when given (a serial is unique per model only). */
    public Optional<Device> bySerial(String serial, String sku) {
        return sku == null || sku.isBlank() ? bySerial(serial) : bySkuAndSerial(sku, serial);
    }

    /** Search criteria of the serial registry; null means "any". */
    public record DeviceFilter(String customerId, String sku, DeviceStatus status, String replacesSerial) {
    }

    /** Keyset page ordered by serial then SKU; the cursor is "serial sku". Fetches limit + 1 rows. */
    public List<Device> page(DeviceFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.customerId() != null && !filter.customerId().isBlank()) {
            query.append(" and customerId = :customer");
            params.and("customer", filter.customerId());
        }
        if (filter.sku() != null && !filter.sku().isBlank()) {
            query.append(" and sku = :sku");
            params.and("sku", filter.sku());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.replacesSerial() != null && !filter.replacesSerial().isBlank()) {
            query.append(" and replacesSerial = :replaces");
            params.and("replaces", filter.replacesSerial());
        }
        if (page.after() != null) {
            String[] key = page.after().split(" ", 2);
            if (key.length != 2) {
                throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API");
            }
            query.append(" and (serial > :afterSerial or (serial = :afterSerial and sku > :afterSku))");
            params.and("afterSerial", key[0]).and("afterSku", key[1]);
        }
        return find(query.toString(), Sort.by("serial").and("sku"), params).page(0, page.limit() + 1).list();
    }

    public static String cursorKey(Device d) {
        return d.serial + " " + d.sku;
    }

    public List<DeviceStatusChange> history(Device device) {
        return DeviceStatusChange.list("deviceId", Sort.by("changedAt").and("id"), device.id);
    }
}
