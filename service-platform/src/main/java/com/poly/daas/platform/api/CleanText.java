package com.poly.daas.platform.api;

/**
 * Which characters a request may carry. Everywhere: no NUL or other control character (C0, DEL, C1) and no unpaired
 * UTF-16 surrogate, which PostgreSQL and log lines cannot hold faithfully. In JSON body strings (free text such as a
 * fault description) line feed, carriage return and tab are allowed; in paths, query values and headers they are not.
 */
public final class CleanText {

    /** The problem with {@code text}, or null when it is clean. */
    public static String problem(String text, boolean freeText) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate " + codePoint(c) + " (not valid Unicode text)";
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate " + codePoint(c) + " (not valid Unicode text)";
            }
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            boolean allowed = freeText && (c == '\n' || c == '\r' || c == '\t');
            if (control && !allowed) {
                return "contains the control character " + codePoint(c) + (c == 0 ? " (NUL)" : "")
                        + (freeText ? " (only line feed, carriage return and tab are allowed in text)" : "");
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private CleanText() {
    }
}
