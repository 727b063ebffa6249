package com.poly.daas.platform.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A stored file opened for reading: its metadata and a stream of its bytes. Close it (try-with-resources), or hand
 * it to {@link #writeTo} which closes it, e.g. in a JAX-RS {@code StreamingOutput}.
 */
public record BlobContent(StoredBlob blob, InputStream stream) implements AutoCloseable {
    /** Copies every byte to {@code out}, then closes the stream. */
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = stream) {
            in.transferTo(out);
        }
    }

    /** All bytes (small files and tests). */
    public byte[] readAllBytes() {
        try (InputStream in = stream) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
