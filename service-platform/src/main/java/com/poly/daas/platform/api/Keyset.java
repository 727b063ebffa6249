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
        Key key = parseNewestFirst(page.after());
        params.and("cursorAt", key.at()).and("cursorId", key.id());
        where.append(" and (").append(field).append(" < :cursorAt or (").append(field)
                .append(" = :cursorAt and id < :cursorId))");
    }

    /** The (instant, id) sort key of a newest-first cursor. */
    public record Key(Instant at, UUID id) {
    }

    /** Parses the sort key of a newest-first cursor: a forged or foreign one is a 400 naming {@code cursor}. */
    public static Key parseNewestFirst(String after) {
        String[] key = after.split("\\|", 2);
        try {
            return new Key(Instant.parse(key[0]), UUID.fromString(key[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ApiProblem.invalidField("cursor", "is not a cursor returned by this API (use the 'next' link as given)");
        }
    }

    private Keyset() {
    }
}
