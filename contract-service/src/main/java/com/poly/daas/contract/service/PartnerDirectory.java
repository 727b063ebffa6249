package com.poly.daas.contract.service;

import com.poly.daas.contract.api.ContractViews.Certification;
import com.poly.daas.contract.api.ContractViews.NewPartner;
import com.poly.daas.contract.domain.Partner;
import com.poly.daas.contract.persistence.PartnerRepository;
import com.poly.daas.events.parties.PartnerCertificationChanged;
import com.poly.daas.events.parties.PartnerRegistered;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.outbox.Outbox;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.security.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/** Certified partners (P1), managed by admins. */
@ApplicationScoped
public class PartnerDirectory {
    @Inject
    PartnerRepository partners;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;

    @Transactional
    public Partner add(NewPartner request) {
        requireOrdered(request.certifiedFrom(), request.certifiedUntil());
        if (partners.findByIdOptional(request.id()).isPresent()) {
            throw ApiProblem.conflict("duplicate-partner", "Partner already registered",
                    "A partner with id " + request.id() + " already exists.", null).field("id", "already exists");
        }
        Partner partner = new Partner();
        partner.id = request.id();
        partner.partnerId = request.id();
        partner.name = request.name();
        partner.certificationStatus = request.certificationStatus();
        partner.certifiedFrom = request.certifiedFrom();
        partner.certifiedUntil = request.certifiedUntil();
        partner.createdAt = clock.instant();
        partners.persist(partner);
        outbox.publish(new PartnerRegistered(partner.id, partner.name, partner.certificationStatus.name(),
                partner.certifiedFrom, partner.certifiedUntil, partner.createdAt));
        audit.recordStaffChange("partner.added", "Partner", partner.id, null, request);
        return partner;
    }

    /** P1: a suspended, revoked or lapsed certification stops new contracts and contract changes. */
    @Transactional
    public Partner certify(String id, Certification certification, String ifMatch) {
        Partner partner = partners.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("partner", id));
        ETags.requireMatch(ifMatch, partner.version);
        requireOrdered(certification.certifiedFrom(), certification.certifiedUntil());
        Map<String, Object> before = Map.of("status", partner.certificationStatus, "certifiedFrom", partner.certifiedFrom,
                "certifiedUntil", partner.certifiedUntil);
        partner.certificationStatus = certification.status();
        partner.certifiedFrom = certification.certifiedFrom();
        partner.certifiedUntil = certification.certifiedUntil();
        outbox.publish(new PartnerCertificationChanged(id, partner.certificationStatus.name(), partner.certifiedFrom,
                partner.certifiedUntil, clock.instant()));
        audit.recordStaffChange("partner.certification-changed", "Partner", id, before, certification);
        return partner;
    }

    /**
     * P1: the partner must be certified and active today. Unknown partners are refused the same way (a partner token
     * whose partner was never registered is not certified).
     */
    public Partner requireActive(String partnerId) {
        LocalDate today = LocalDate.now(clock);
        Partner partner = partners.findByIdOptional(partnerId).orElse(null);
        if (partner == null || !partner.activeOn(today)) {
            throw ApiProblem.ruleViolation("P1", "partner-not-certified", "Partner certification not active",
                    "Partner " + partnerId + " has no active certification today (" + today
                            + "): it cannot create or change contracts.");
        }
        return partner;
    }

    private static void requireOrdered(LocalDate from, LocalDate until) {
        if (until.isBefore(from)) {
            throw ApiProblem.invalidField("certifiedUntil", "must not be before certifiedFrom (" + from + ")");
        }
    }
}
