package com.poly.daas.contract.persistence;

import com.poly.daas.contract.domain.CoverageStatus;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.platform.api.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Device enrolments; every query is partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class CoverageRepository implements PanacheRepositoryBase<DeviceCoverage, UUID> {

    /** The serial's enrolment that is not ended (at most one, unique index). */
    public Optional<DeviceCoverage> openBySerial(String serial) {
        return find("serial = ?1 and status <> ?2", serial, CoverageStatus.ENDED).firstResultOptional();
    }

    /** Every enrolment of the serial, newest first. */
    public List<DeviceCoverage> allBySerial(String serial) {
        return find("serial", Sort.descending("enrolledAt"), serial).list();
    }

    public List<DeviceCoverage> openOfContract(UUID contractId) {
        return find("contractId = ?1 and status <> ?2", Sort.by("serial"), contractId, CoverageStatus.ENDED).list();
    }

    public Optional<DeviceCoverage> inContract(UUID contractId, String serial) {
        return find("contractId = ?1 and serial = ?2", Sort.descending("enrolledAt"), contractId, serial).firstResultOptional();
    }

    /** Keyset page of a contract's enrolments ordered by id. Fetches limit + 1 rows. */
    public List<DeviceCoverage> pageOfContract(UUID contractId, PageRequest page) {
        StringBuilder query = new StringBuilder("contractId = :contract");
        Parameters params = Parameters.with("contract", contractId);
        if (page.after() != null) {
            query.append(" and cast(id as string) > :after");
            params.and("after", page.after());
        }
        return find(query.toString(), Sort.by("id"), params).page(0, page.limit() + 1).list();
    }
}
