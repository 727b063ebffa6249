package com.poly.daas.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor pagination input: {@code limit} (1..200, default 50) and an opaque {@code cursor} returned as
 * {@code next} by the previous page. The cursor wraps the sort key of the last item served (keyset pagination,
 * stable under inserts).
 */
public record PageRequest(int limit, String after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return new PageRequest(size, cursor == null || cursor.isBlank() ? null : decode(cursor));
    }

    /** The opaque form of a sort key. */
    public static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + sortKey).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith("v1:")) {
                throw new IllegalArgumentException();
            }
            return text.substring(3);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
        }
    }
}
