package com.poly.daas.contract.persistence;

import java.util.Optional;
import java.util.UUID;

/** Ids in paths are UUIDs; anything else simply matches nothing (404), never a 500. */
public final class Ids {
    public static Optional<UUID> uuid(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Ids() {
    }
}
