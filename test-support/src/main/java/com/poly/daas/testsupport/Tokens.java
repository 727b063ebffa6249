package com.poly.daas.testsupport;

import com.poly.daas.devstack.DevTokens;
import java.time.Duration;

/** Bearer header values for each kind of caller, signed with the development key the test profile trusts. */
public final class Tokens {
    public static String partner(String partnerId) {
        return "Bearer " + DevTokens.partner(partnerId);
    }

    public static String agent() {
        return "Bearer " + DevTokens.staff("agent");
    }

    public static String admin() {
        return "Bearer " + DevTokens.staff("admin");
    }

    public static String service() {
        return "Bearer " + DevTokens.staff("service");
    }

    /** A partner's end user: never served (S2). */
    public static String endUser(String partnerId) {
        return "Bearer " + DevTokens.mint("jane@customer.example", "end-user", partnerId, Duration.ofHours(1));
    }

    /** A partner token without the partner claim: refused. */
    public static String partnerWithoutClaim() {
        return "Bearer " + DevTokens.mint("erp-x", "partner", null, Duration.ofHours(1));
    }

    public static String expired(String partnerId) {
        return "Bearer " + DevTokens.mint("erp-" + partnerId, "partner", partnerId, Duration.ofHours(-1));
    }

    private Tokens() {
    }
}
