package com.poly.daas.contract.persistence;

import com.poly.daas.contract.domain.Partner;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Partners; a partner caller sees only its own row (partner filter). */
@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String> {
}
