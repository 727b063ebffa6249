package com.poly.daas.platform.api;

import java.util.Arrays;
import java.util.UUID;

/**
 * Parses request parameters so that a bad value is a 400 naming the parameter (JAX-RS would answer 404 for a query
 * parameter it cannot convert), and a malformed id in a path is a plain 404.
 */
public final class QueryParams {
    public static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalidField(name, "must be true or false");
        };
    }

    /** A path id that must be a UUID: anything else cannot name an existing resource, so it is 404 like an unknown one. */
    public static UUID uuid(String what, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.notFound(what, id);
        }
    }

    private QueryParams() {
    }
}
