package com.poly.daas.rma.domain;

/**
 * A replacement policy's refusal: the rule id (RULES.md), a stable slug, a title, the human reason and the request
 * field it concerns. {@code openRmaId} names the open RMA when the refusal is A1's one-open-RMA-per-device.
 * A domain value: the api layer turns it into a problem response, the ticket consumer into {@code RmaRefused}.
 */
public record Rejection(String rule, String slug, String title, String reason, String field, String openRmaId) {
    public Rejection(String rule, String slug, String title, String reason, String field) {
        this(rule, slug, title, reason, field, null);
    }

    /** The device already has an open RMA (409 rather than 422). */
    public boolean isOpenRma() {
        return openRmaId != null;
    }
}
