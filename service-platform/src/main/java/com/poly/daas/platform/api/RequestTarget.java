package com.poly.daas.platform.api;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The syntax of what arrives before routing: the request target (RFC 3986, as {@link URI} parses it) and header names
 * and values (RFC 9110). The HTTP codec's own checks are switched off ({@link HttpCodecDefaults}) so that these
 * refusals are problems naming the part at fault, on every request of a connection, the first included.
 */
final class RequestTarget {

    /** Why {@code uri} is not a valid request target, or null when it is. */
    static String problem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "it is empty";
        }
        try {
            new URI(uri);
            return null;
        } catch (URISyntaxException e) {
            String reason = e.getReason() == null ? "malformed" : e.getReason().toLowerCase(java.util.Locale.ROOT);
            return reason + (e.getIndex() >= 0 ? " at index " + e.getIndex() : "");
        }
    }

    /** {@code query} when the target goes wrong after its '?', else {@code path}. */
    static String part(String uri) {
        int question = uri == null ? -1 : uri.indexOf('?');
        if (question < 0) {
            return "path";
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return e.getIndex() > question ? "query" : "path";
        }
        return "path";
    }

    /** Why a header is not acceptable, or null: a name that is not a token, or a control character in the value. */
    static String headerProblem(String name, String value) {
        if (name.isEmpty()) {
            return "has an empty name";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!tokenChar(name.charAt(i))) {
                return "has a name with the character " + String.format("U+%04X", (int) name.charAt(i))
                        + ", which a header name cannot contain";
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return "contains the control character " + String.format("U+%04X", (int) c) + (c == 0 ? " (NUL)" : "");
            }
        }
        return null;
    }

    /** A header name fit to be quoted in a problem body: characters outside a token are shown as code points. */
    static String printableName(String name) {
        StringBuilder printable = new StringBuilder(Math.min(name.length(), 100));
        for (int i = 0; i < name.length() && i < 100; i++) {
            char c = name.charAt(i);
            printable.append(tokenChar(c) ? String.valueOf(c) : String.format("U+%04X", (int) c));
        }
        return printable.toString();
    }

    /** RFC 9110 tchar. */
    static boolean tokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    private RequestTarget() {
    }
}
