package com.poly.daas.platform.api;

import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Keyset pagination of lists ordered newest first by an instant, ties broken by a UUID id: the cursor is the
 * (instant, id) of the last item served. Used with {@code Sort.descending(field, "id")} and {@link Page#of}.
 */
public final class Keyset {

    /** The sort key of an item, to give {@link Page#of}. */
    public static String newestFirstKey(Instant at, UUID id) {
        return at + "|" + id;
    }

    /** Adds the "after the cursor" condition on {@code field} to an HQL where clause, when the page has a cursor. */
    public static void newestFirst(PageRequest page, String field, StringBuilder where, Parameters params) {
        if (page.after() == null) {
            return;
        }
        String[] key = page.after().split("\\|", 2);
        try {
            params.and("cursorAt", Instant.parse(key[0])).and("cursorId", UUID.fromString(key[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
        }
        where.append(" and (").append(field).append(" < :cursorAt or (").append(field)
                .append(" = :cursorAt and id < :cursorId))");
    }

    private Keyset() {
    }
}
