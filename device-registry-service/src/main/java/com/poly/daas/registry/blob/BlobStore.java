package com.poly.daas.registry.blob;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Content-addressed file store on a local directory ({@code daas.blob.dir}; the local run sets DAAS_BLOB_DIR). A
 * file's key is its SHA-256, computed here while streaming, so callers never choose a path: keys are validated as
 * 64 hex characters and resolved paths must stay under the root (no path traversal).
 */
@ApplicationScoped
public class BlobStore {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

    /** What was stored: the key (SHA-256, hex) and the size in bytes. */
    public record Stored(String sha256, long size) {
    }

    @ConfigProperty(name = "daas.blob.dir")
    String dir;

    /** Streams the input to the store (never all in memory) and returns its SHA-256 and size. */
    public Stored store(InputStream input) {
        Path root = root();
        Path temp = root.resolve("incoming-" + UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(root);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(input, sha); OutputStream out = Files.newOutputStream(temp)) {
                size = in.transferTo(out);
            }
            String key = HexFormat.of().formatHex(sha.digest());
            Path target = path(key);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp); // same content already stored
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new Stored(key, size);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new UncheckedIOException("Cannot store blob", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file of a key, if stored. */
    public Optional<Path> find(String sha256) {
        Path path = path(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Resolves a key below the root; refuses anything that is not a plain SHA-256 or would leave the root. */
    Path path(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        Path root = root();
        Path path = root.resolve(key.substring(0, 2)).resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("blob key escapes the store: " + key);
        }
        return path;
    }

    private Path root() {
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
