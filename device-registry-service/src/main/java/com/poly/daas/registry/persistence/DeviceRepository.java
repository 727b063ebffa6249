package com.poly.daas.registry.persistence;

import com.poly.daas.registry.domain.Device;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Devices; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

    public Optional<Device> bySkuAndSerial(String sku, String serial) {
        return find("sku = ?1 and serial = ?2", sku, serial).firstResultOptional();
    }

    public Optional<Device> bySerial(String serial) {
        return find("serial", serial).firstResultOptional();
    }
}
