package com.poly.daas.platform.blob;

import java.time.Instant;

/**
 * A file in the blob store, as recorded when it was stored.
 *
 * @param id        the store's key (a UUID string; keep it in your entity)
 * @param mediaType the declared type, normalised ({@code type/subtype}), verified where the type has a signature
 * @param size      bytes, counted while streaming
 * @param sha256    lower-case hex SHA-256 of the bytes, computed while streaming (a good ETag)
 * @param createdAt when it was stored (the injected clock)
 */
public record StoredBlob(String id, String mediaType, long size, String sha256, Instant createdAt) {
}
