package com.poly.daas.platform.blob;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one use of the blob store accepts: the media types allowed, the largest file, and the names the problems
 * use for the file ({@link #field}) and for its declared type ({@link #typeField}). Empty files are always refused.
 *
 * <pre>{@code
 * static final BlobPolicy ATTACHMENTS = BlobPolicy.of("file", 10 * BlobPolicy.MIB, "text/plain", "image/png", "image/jpeg", "application/pdf")
 *         .withTypeField("file.contentType");
 * }</pre>
 *
 * @param field      the request field carrying the file (problems name it for empty / too large / content mismatch)
 * @param typeField  the request field carrying the declared media type (problems name it when the type is not allowed)
 * @param maxBytes   the largest file accepted, in bytes (the PostgreSQL backend caps every policy at {@link BlobStore#POSTGRES_MAX_BYTES})
 * @param mediaTypes the allowed media types, lower-case {@code type/subtype} without parameters
 */
public record BlobPolicy(String field, String typeField, long maxBytes, Set<String> mediaTypes) {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;

    public BlobPolicy {
        if (field == null || field.isBlank() || typeField == null || typeField.isBlank()) {
            throw new IllegalArgumentException("a blob policy names its fields");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (mediaTypes == null || mediaTypes.isEmpty()) {
            throw new IllegalArgumentException("a blob policy allows at least one media type");
        }
        TreeSet<String> normalised = new TreeSet<>();
        for (String type : mediaTypes) {
            String n = ContentSignatures.normalise(type);
            if (n == null) {
                throw new IllegalArgumentException("not a media type: " + type);
            }
            normalised.add(n);
        }
        mediaTypes = java.util.Collections.unmodifiableSet(normalised);
    }

    /** A policy for the file in {@code field}, its type in the {@code Content-Type} header. */
    public static BlobPolicy of(String field, long maxBytes, String... mediaTypes) {
        return new BlobPolicy(field, "Content-Type", maxBytes, Set.copyOf(Arrays.asList(mediaTypes)));
    }

    /** The same policy with the declared type read from another field (e.g. a multipart part's content type). */
    public BlobPolicy withTypeField(String name) {
        return new BlobPolicy(field, name, maxBytes, mediaTypes);
    }

    /** The same policy with another size limit. */
    public BlobPolicy withMaxBytes(long bytes) {
        return new BlobPolicy(field, typeField, bytes, mediaTypes);
    }

    /** Whether the declared media type (parameters such as {@code charset} ignored, case-insensitive) is allowed. */
    public boolean allows(String declaredMediaType) {
        String n = ContentSignatures.normalise(declaredMediaType);
        return n != null && mediaTypes.contains(n.toLowerCase(Locale.ROOT));
    }
}
