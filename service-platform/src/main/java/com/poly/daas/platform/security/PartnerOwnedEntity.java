package com.poly.daas.platform.security;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import org.hibernate.annotations.Filter;
import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

/**
 * Base of every table a partner owns. The partner filter is enabled on every session and also applies to loads by
 * id, so a resource that forgets to check ownership still cannot read another partner's row: tenant isolation is
 * enforced below the REST layer. Native SQL bypasses it: never use native SQL on partner-owned tables for reads
 * served to callers. Hot queries may write the same condition themselves and run without it ({@link PartnerScope}).
 */
@MappedSuperclass
@FilterDef(name = PartnerOwnedEntity.FILTER, autoEnabled = true, applyToLoadByKey = true,
        defaultCondition = "(:partnerId = '*' or partner_id = :partnerId)",
        parameters = @ParamDef(name = "partnerId", type = String.class, resolver = PartnerScopeResolver.class))
@Filter(name = PartnerOwnedEntity.FILTER)
public abstract class PartnerOwnedEntity extends PanacheEntityBase {
    public static final String FILTER = "partnerScope";

    @Column(name = "partner_id", nullable = false, updatable = false, length = 64)
    public String partnerId;
}
