package com.poly.daas.platform.blob;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks that a file's bytes are what its declared media type says, while it streams: the leading "magic bytes" of
 * PDF, PNG, JPEG, GIF, ZIP and gzip; for {@code text/*}, valid UTF-8 (US-ASCII included) without NUL bytes (logs,
 * CSV). Other types (e.g. {@code application/octet-stream} for firmware) have no signature and are accepted as declared.
 */
public final class ContentSignatures {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,62}/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}");

    /** Leading bytes per type; any one of a type's signatures matches. */
    private static final Map<String, List<byte[]>> MAGIC = Map.of(
            "application/pdf", List.of(bytes("%PDF-")),
            "image/png", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
            "image/jpeg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
            "image/gif", List.of(bytes("GIF87a"), bytes("GIF89a")),
            "application/zip", List.of(new byte[] {'P', 'K', 3, 4}, new byte[] {'P', 'K', 5, 6}, new byte[] {'P', 'K', 7, 8}),
            "application/gzip", List.of(new byte[] {0x1F, (byte) 0x8B}));

    private ContentSignatures() {
    }

    /** {@code type/subtype} in lower case without parameters, or null when the text is not a media type. */
    public static String normalise(String declared) {
        if (declared == null) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        String bare = (semicolon >= 0 ? declared.substring(0, semicolon) : declared).trim().toLowerCase(Locale.ROOT);
        return MEDIA_TYPE.matcher(bare).matches() ? bare : null;
    }

    /** Whether the content of this (normalised) type is checked. */
    public static boolean verifiable(String mediaType) {
        return MAGIC.containsKey(mediaType) || mediaType.startsWith("text/");
    }

    /** A check of one stream against one declared type; feed it every chunk, then ask {@link #mismatch()}. */
    static Check check(String mediaType) {
        return new Check(mediaType);
    }

    static final class Check {
        private final String type;
        private final List<byte[]> magic;
        private final boolean text;
        private final byte[] head = new byte[8];
        private int headLength;
        private final CharsetDecoder utf8;
        private final ByteBuffer pending = ByteBuffer.allocate(4 + 65536);
        private final CharBuffer sink = CharBuffer.allocate(65536);
        private String textProblem;

        private Check(String type) {
            this.type = type;
            this.magic = MAGIC.get(type);
            this.text = type.startsWith("text/");
            this.utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        void update(byte[] buffer, int offset, int length) {
            if (headLength < head.length) {
                int n = Math.min(head.length - headLength, length);
                System.arraycopy(buffer, offset, head, headLength, n);
                headLength += n;
            }
            if (text && textProblem == null) {
                int at = offset;
                int end = offset + length;
                while (at < end && textProblem == null) {
                    int n = Math.min(pending.remaining(), end - at);
                    for (int i = at; i < at + n; i++) {
                        if (buffer[i] == 0) {
                            textProblem = "contains NUL bytes, so it is not text";
                            return;
                        }
                    }
                    pending.put(buffer, at, n);
                    at += n;
                    decode(false);
                }
            }
        }

        private void decode(boolean last) {
            pending.flip();
            while (true) {
                sink.clear();
                var result = utf8.decode(pending, sink, last);
                if (result.isError()) {
                    textProblem = "is not UTF-8 text";
                    break;
                }
                if (result.isUnderflow()) {
                    break;
                }
            }
            pending.compact();
        }

        /** Null when the bytes match the type, else what is wrong (for the problem's field message). */
        String mismatch() {
            if (magic != null) {
                byte[] seen = Arrays.copyOf(head, headLength);
                for (byte[] signature : magic) {
                    if (seen.length >= signature.length && Arrays.equals(Arrays.copyOf(seen, signature.length), signature)) {
                        return null;
                    }
                }
                return "does not start like " + type + " content";
            }
            if (text) {
                if (textProblem == null) {
                    decode(true);
                    if (textProblem == null) {
                        try {
                            sink.clear();
                            if (utf8.flush(sink).isError()) {
                                textProblem = "is not UTF-8 text";
                            }
                        } catch (IllegalStateException e) {
                            // already flushed
                        }
                        if (pending.position() > 0) {
                            textProblem = "is not UTF-8 text (ends inside a character)";
                        }
                    }
                }
                return textProblem;
            }
            return null;
        }
    }

    private static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.US_ASCII);
    }
}
