package com.poly.daas.platform.api;

import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: GET returns {@code ETag: "<version>"}; updates must send {@code If-Match} with it.
 * A missing If-Match is 428, a stale one 412; the database version check stops the remaining race (409).
 */
public final class ETags {
    public static final String IF_MATCH = "If-Match";

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(428, "precondition-required", "If-Match required",
                    "Send If-Match with the ETag you read, so that you do not overwrite someone else's change.", null);
        }
        String expected = "\"" + currentVersion + "\"";
        boolean matches = ifMatch.equals("*") || java.util.Arrays.stream(ifMatch.split(","))
                .map(String::trim).map(t -> t.startsWith("W/") ? t.substring(2) : t).anyMatch(expected::equals);
        if (!matches) {
            throw new ApiProblem(412, "precondition-failed", "Resource changed",
                    "If-Match " + ifMatch + " does not match the current ETag " + expected + "; read it again.", null);
        }
    }

    private ETags() {
    }
}
