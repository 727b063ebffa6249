package com.poly.daas.registry.domain;

/** What a downloadable file is: documentation or software. */
public enum DocumentKind {
    DATASHEET, USER_GUIDE, ADMIN_GUIDE, RELEASE_NOTES, FIRMWARE, SOFTWARE;

    public boolean software() {
        return this == FIRMWARE || this == SOFTWARE;
    }
}
