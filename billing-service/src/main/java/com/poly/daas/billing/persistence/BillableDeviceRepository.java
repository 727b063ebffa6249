package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.BillableDevice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Devices of the billing replica; partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class BillableDeviceRepository implements PanacheRepositoryBase<BillableDevice, UUID> {

    public Optional<BillableDevice> byContractAndSerial(String contractId, String serial) {
        return find("contractId = ?1 and serial = ?2", contractId, serial).firstResultOptional();
    }

    /** P4: the devices of a contract that replaced {@code serial}. */
    public List<BillableDevice> replacementsOf(String contractId, String serial) {
        return list("contractId = ?1 and replacesSerial = ?2", contractId, serial);
    }

    public List<BillableDevice> ofContract(String contractId) {
        return find("contractId", Sort.by("serial"), contractId).list();
    }
}
