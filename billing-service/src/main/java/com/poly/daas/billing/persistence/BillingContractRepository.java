package com.poly.daas.billing.persistence;

import com.poly.daas.billing.domain.BillingContract;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.YearMonth;
import java.util.List;

/** Contracts of the billing replica; partner-scoped by the platform's partner filter. */
@ApplicationScoped
public class BillingContractRepository implements PanacheRepositoryBase<BillingContract, String> {

    /** B1: contracts active on at least one day of the month. */
    public List<BillingContract> activeIn(YearMonth month) {
        return find("activatedOn is not null and activatedOn <= ?1 and (endedOn is null or endedOn > ?2)",
                Sort.by("contractId"), month.atEndOfMonth(), month.atDay(1)).list();
    }
}
