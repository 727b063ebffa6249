package com.poly.daas.platform.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.parties.PartyDirectory;
import jakarta.enterprise.inject.Instance;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the rest of the code needs it. A partner sees only its own data: {@link #scope()} feeds the
 * partner filter applied to every query on partner-owned tables ({@link PartnerOwnedEntity}).
 */
@RequestScoped
public class Caller {
    /** Scope value that lets a query see every partner (staff and internal work). */
    public static final String ALL_PARTNERS = "*";
    /** Scope value that matches no partner: an anonymous HTTP caller sees nothing even if a check is forgotten. */
    public static final String NO_PARTNER = "~none~";

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken jwt;
    @Inject
    CurrentVertxRequest httpRequest;
    @Inject
    Instance<PartyDirectory> directory;

    private String admittedPartner;

    /** Stable id of the caller (token subject), used for audit and idempotency scoping. */
    public String id() {
        if (identity.isAnonymous()) {
            return httpRequest.getCurrent() == null ? "system" : "anonymous";
        }
        return identity.getPrincipal().getName();
    }

    public boolean isPartner() {
        return !identity.isAnonymous() && identity.hasRole(Roles.PARTNER) && !isStaff();
    }

    public boolean isStaff() {
        return identity.hasRole(Roles.AGENT) || identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SERVICE);
    }

    /**
     * The caller's partner id when the caller is a partner. A partner token without the claim is refused, and so is a
     * token naming a partner the programme does not know (403 {@code unknown-partner}, checked once per request
     * against the partner facts replicated from contract-service: issue 9). Every partner-scoped read and write asks
     * this, through the partner filter or directly.
     */
    public Optional<String> partnerId() {
        if (!isPartner()) {
            return Optional.empty();
        }
        if (admittedPartner != null) {
            return Optional.of(admittedPartner);
        }
        Object claim = jwt.getClaim(Roles.PARTNER_CLAIM);
        String partnerId = claim == null ? null : claim.toString().replace("\"", "");
        if (partnerId == null || partnerId.isBlank()) {
            throw new ForbiddenException("partner token without " + Roles.PARTNER_CLAIM);
        }
        if (directory.get().partner(partnerId).isEmpty()) {
            throw new ApiProblem(403, "unknown-partner", "Partner not known to the programme",
                    "The token names a partner that is not registered in the programme; ask Poly to register it.", "P1");
        }
        admittedPartner = partnerId;
        return Optional.of(partnerId);
    }

    /** The role that explains this caller's rights, for audit entries. */
    public String role() {
        for (String role : new String[] {Roles.ADMIN, Roles.AGENT, Roles.SERVICE, Roles.PARTNER}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return httpRequest.getCurrent() == null ? "system" : "anonymous";
    }

    /**
     * The partner filter's value: the caller's partner, {@link #ALL_PARTNERS} for staff and for work outside an HTTP
     * request (event consumers, schedulers), {@link #NO_PARTNER} for anyone else.
     */
    public String scope() {
        if (isStaff()) {
            return ALL_PARTNERS;
        }
        if (isPartner()) {
            return partnerId().orElseThrow();
        }
        return httpRequest.getCurrent() == null ? ALL_PARTNERS : NO_PARTNER;
    }

    /**
     * The partner a creation is for: a partner always acts for itself (a different partner id in the body is
     * refused as not found, never silently replaced); staff must name the partner.
     */
    public String actingFor(String requestedPartnerId) {
        Optional<String> own = partnerId();
        if (own.isPresent()) {
            if (requestedPartnerId != null && !requestedPartnerId.equals(own.get())) {
                // the refusal never echoes or confirms the other partner's id (issue 9)
                throw new ApiProblem(404, "not-found", "partner not found",
                        "A partner acts only for itself; no other partner is visible to you.", null);
            }
            return own.get();
        }
        if (requestedPartnerId == null || requestedPartnerId.isBlank()) {
            throw ApiProblem.invalidField("partnerId", "is required when acting for a partner");
        }
        return requestedPartnerId;
    }
}
