package com.poly.daas.registry.api;

import com.poly.daas.platform.api.ApiProblem;
import java.util.Arrays;

/** Parses query parameters so that a bad value is a 400 naming the parameter (JAX-RS would answer 404). */
final class QueryParams {
    static <E extends Enum<E>> E enumValue(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static Boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ApiProblem.invalidField(name, "must be true or false");
        };
    }

    private QueryParams() {
    }
}
