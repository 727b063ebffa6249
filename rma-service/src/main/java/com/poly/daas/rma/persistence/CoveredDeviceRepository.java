package com.poly.daas.rma.persistence;

import com.poly.daas.rma.domain.CoveredDevice;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The coverage replica; reads are partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class CoveredDeviceRepository implements PanacheRepositoryBase<CoveredDevice, UUID> {

    public Optional<CoveredDevice> byContractAndSerial(String contractId, String serial) {
        return find("contractId = ?1 and serial = ?2", contractId, serial).firstResultOptional();
    }

    /** Every coverage of a serial visible to the caller, the most recent period first. */
    public List<CoveredDevice> bySerial(String serial) {
        return find("serial", Sort.descending("coverageStart").and("updatedAt", Sort.Direction.Descending), serial).list();
    }
}
