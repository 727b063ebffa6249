package com.poly.daas.platform.security;

/**
 * The roles a bearer token can carry (claim {@code groups}). Any other role, such as an end user's, is refused
 * with 403 (S2: Poly takes no calls from the partner's end users).
 */
public final class Roles {
    /** A certified partner's ERP or portal user; the token also carries {@code partner_id}. */
    public static final String PARTNER = "partner";
    /** A Poly support agent: sees all partners, works tickets and RMAs. */
    public static final String AGENT = "agent";
    /** A Poly administrator: catalogue, partners, audit trail. */
    public static final String ADMIN = "admin";
    /** Another service of the suite calling on its own behalf. */
    public static final String SERVICE = "service";

    /** The claim carrying the partner id of a partner token. */
    public static final String PARTNER_CLAIM = "partner_id";

    private Roles() {
    }
}
