package com.poly.daas.platform.parties;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The ownership checks every write makes on the ids it names (issue 9): which partner the caller acts for, and that a
 * customer belongs to that partner. The facts come from {@link PartyDirectory} (contract-service's events), never
 * from the caller. A customer of another partner is refused exactly as an unknown one, so a refusal never reveals
 * that an id exists elsewhere, nor names its partner. Staff (agents, admins) acting for a partner are held to the
 * same pairing.
 */
@ApplicationScoped
public class TrustBoundary {
    @Inject
    PartyDirectory directory;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /**
     * The partner a write is for: a partner always acts for itself (another partner id in the body is 404, as
     * {@link Caller#actingFor} has it); staff must name a partner the programme knows (else 422 on {@code partnerId}).
     */
    public PartnerStanding actingFor(String requestedPartnerId) {
        String partnerId = caller.actingFor(requestedPartnerId);
        return directory.partner(partnerId).orElseThrow(() -> unknownPartner(partnerId));
    }

    /**
     * P1: starting new business (a new contract, a new device sale) needs an active certification today; support of
     * what is already under contract does not (docs/decisions.md).
     */
    public void requireCertified(PartnerStanding partner, String action) {
        LocalDate today = LocalDate.now(clock);
        if (!partner.activeOn(today)) {
            throw ApiProblem.ruleViolation("P1", "partner-not-certified", "Partner certification not active",
                    "Partner " + partner.partnerId() + " has no active certification today (" + today + "): it cannot "
                            + action + ". Support of devices already under contract continues.");
        }
    }

    /** The customer, when it belongs to the partner; otherwise 422 on {@code field}, the same for unknown and foreign. */
    public CustomerSite customerOf(String partnerId, String customerId, String field) {
        return directory.customer(customerId)
                .filter(c -> c.partnerId().equals(partnerId))
                .orElseThrow(() -> unknownReference(field, "customer", customerId));
    }

    /** The refusal of an id that the acting partner cannot use: unknown, or another partner's (indistinguishable). */
    public static ApiProblem unknownReference(String field, String what, String id) {
        return new ApiProblem(422, "unknown-reference", "Unknown " + what,
                "No " + what + " with id '" + id + "' is known for this partner.", null)
                .field(field, "no such " + what + " for this partner");
    }

    private static ApiProblem unknownPartner(String partnerId) {
        return new ApiProblem(422, "unknown-partner", "Unknown partner",
                "No partner with id '" + partnerId + "' is registered in the programme.", "P1")
                .field("partnerId", "not a partner of the programme");
    }
}
