package com.poly.daas.registry.domain;

/** Product categories of the catalogue. {@link #voice} decides whether extended coverage may be sold (E3). */
public enum ModelCategory {
    DESK_PHONE(true),
    CONFERENCE_PHONE(true),
    HEADSET(true),
    VIDEO(false),
    ACCESSORY(false);

    private final boolean voice;

    ModelCategory(boolean voice) {
        this.voice = voice;
    }

    /** E3: only voice devices (desk phones, conference phones, headsets) may take the extended option. */
    public boolean voice() {
        return voice;
    }
}
