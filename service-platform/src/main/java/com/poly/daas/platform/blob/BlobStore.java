package com.poly.daas.platform.blob;

import com.poly.daas.platform.api.ApiProblem;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The suite's one store of files (documents, software, ticket attachments), with two backends chosen by
 * {@code daas.blob.backend}: {@code filesystem} (a directory, the local run) or {@code postgres} (the service's own
 * database, shared by replicas, files up to {@link #POSTGRES_MAX_BYTES}).
 *
 * <p>{@link #store} runs inside the caller's transaction and never leaves an orphan: the stream is first copied to a
 * private staging file while its size is counted, its SHA-256 computed and its bytes checked against the declared
 * type ({@link ContentSignatures}); only a file that passed every check is written to the backend, together with its
 * metadata row ({@code blob} table). On the {@code postgres} backend the bytes are rows of the same transaction; on
 * the {@code filesystem} backend the file is removed again if the transaction does not commit (a JTA
 * {@link Synchronization}). A refused file answers 413 (too large), 415 (type not allowed, or content not of the
 * declared type) or 400 (empty), naming the policy's field.
 */
@ApplicationScoped
public class BlobStore {
    private static final Logger LOG = Logger.getLogger(BlobStore.class);
    /** The largest file the {@code postgres} backend keeps (25 MiB; the table's check constraint says the same). */
    public static final long POSTGRES_MAX_BYTES = 25 * BlobPolicy.MIB;
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}");
    private static final int CHUNK = 64 * 1024;

    /** Where a blob's bytes live. */
    public enum Backend {
        FILESYSTEM, POSTGRES;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Backend of(String name) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalStateException("daas.blob.backend must be filesystem or postgres, not " + name);
            }
        }
    }

    @Inject
    AgroalDataSource dataSource;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;

    @ConfigProperty(name = "daas.blob.backend", defaultValue = "filesystem")
    String backendName;
    @ConfigProperty(name = "daas.blob.dir", defaultValue = "target/blobs")
    String dir;
    @ConfigProperty(name = "daas.blob.staging-dir")
    Optional<String> stagingDir;

    private Backend backend;

    @PostConstruct
    void init() {
        backend = Backend.of(backendName);
    }

    /** The backend new files go to. */
    public Backend backend() {
        return backend;
    }

    /** Stores on the configured backend; see {@link #store(InputStream, String, BlobPolicy, Backend)}. */
    public StoredBlob store(InputStream content, String declaredMediaType, BlobPolicy policy) {
        return store(content, declaredMediaType, policy, backend);
    }

    /**
     * Validates and stores a file inside the caller's (active) transaction: nothing is written anywhere until the
     * file passed the policy, and nothing remains if the transaction rolls back. Reads the stream to its end (or to
     * the first byte over the limit) but does not close it.
     *
     * @param backend where to put it (normally {@link #backend()}; explicit for moving files between backends and tests)
     * @throws ApiProblem 415 when the declared type is missing or not allowed ({@link BlobPolicy#typeField()}) or the
     *                    bytes are not of that type ({@link BlobPolicy#field()}); 413 when larger than the policy's
     *                    (or the backend's) limit; 400 when empty
     * @throws IllegalStateException without an active transaction
     */
    public StoredBlob store(InputStream content, String declaredMediaType, BlobPolicy policy, Backend backend) {
        requireTransaction();
        String mediaType = ContentSignatures.normalise(declaredMediaType);
        if (mediaType == null || !policy.allows(mediaType)) {
            throw new ApiProblem(415, "unsupported-media-type", "Unsupported media type",
                    policy.typeField() + ": " + (mediaType == null ? "no media type given" : mediaType + " is not accepted here")
                            + "; accepted: " + String.join(", ", policy.mediaTypes()) + ".", null)
                    .field(policy.typeField(), "must be one of " + String.join(", ", policy.mediaTypes()));
        }
        if (content == null) {
            throw empty(policy);
        }
        long limit = backend == Backend.POSTGRES ? Math.min(policy.maxBytes(), POSTGRES_MAX_BYTES) : policy.maxBytes();
        Path staged = null;
        try {
            Path staging = staging(backend);
            Files.createDirectories(staging);
            staged = Files.createTempFile(staging, "blob-", ".part");
            Staged checked = stage(content, staged, mediaType, limit, policy);
            StoredBlob blob = new StoredBlob(UUID.randomUUID().toString(), mediaType, checked.size(), checked.sha256(),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)); // as PostgreSQL keeps it
            insertMetadata(blob, backend);
            if (backend == Backend.POSTGRES) {
                insertContent(blob.id(), staged, blob.size());
            } else {
                moveIntoPlace(blob.id(), staged);
            }
            return blob;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store blob", e);
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException e) {
                    LOG.warnf("Cannot delete staging file %s: %s", staged, e.getMessage());
                }
            }
        }
    }

    /** The metadata of a stored file. */
    public Optional<StoredBlob> find(String id) {
        return metadata(id).map(Row::blob);
    }

    /**
     * Opens a stored file for reading (outside or inside a transaction). The {@code postgres} backend reads the file
     * (at most 25 MiB) in one query; the {@code filesystem} backend streams it.
     *
     * @throws IllegalStateException when the metadata exist but the bytes are gone (a damaged store)
     */
    public Optional<BlobContent> open(String id) {
        Optional<Row> row = metadata(id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        StoredBlob blob = row.get().blob();
        try {
            if (row.get().backend() == Backend.POSTGRES) {
                return Optional.of(new BlobContent(blob, new ByteArrayInputStream(readContent(id))));
            }
            Path file = path(id);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("blob " + id + " has metadata but no file at " + file);
            }
            return Optional.of(new BlobContent(blob, Files.newInputStream(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read blob " + id, e);
        }
    }

    /**
     * Deletes a stored file inside the caller's transaction: its rows go with the transaction; a file on the
     * filesystem backend is removed only once the transaction committed. Returns whether it existed.
     */
    public boolean delete(String id) {
        requireTransaction();
        Optional<Row> row = metadata(id);
        if (row.isEmpty()) {
            return false;
        }
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("delete from blob where id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
        if (row.get().backend() == Backend.FILESYSTEM) {
            Path file = path(id);
            transactions.registerInterposedSynchronization(afterCompletion(status -> {
                if (status == Status.STATUS_COMMITTED) {
                    deleteQuietly(file);
                }
            }));
        }
        return true;
    }

    // --- staging: count, digest and check before anything is written to the backend

    private record Staged(long size, String sha256) {
    }

    private Staged stage(InputStream content, Path staged, String mediaType, long limit, BlobPolicy policy) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ContentSignatures.Check check = ContentSignatures.check(mediaType);
        long size = 0;
        byte[] buffer = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(staged)) {
            int n;
            while ((n = content.read(buffer)) != -1) {
                size += n;
                if (size > limit) {
                    throw new ApiProblem(413, "payload-too-large", "File too large",
                            policy.field() + ": larger than the limit of " + limit + " bytes.", null)
                            .field(policy.field(), "must be at most " + limit + " bytes");
                }
                sha.update(buffer, 0, n);
                check.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        if (size == 0) {
            throw empty(policy);
        }
        String mismatch = check.mismatch();
        if (mismatch != null) {
            throw new ApiProblem(415, "unsupported-media-type", "Content does not match its media type",
                    policy.field() + ": declared " + mediaType + " but the content " + mismatch + ".", null)
                    .field(policy.field(), "content " + mismatch + " (declared " + mediaType + ")");
        }
        return new Staged(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static ApiProblem empty(BlobPolicy policy) {
        return ApiProblem.invalidField(policy.field(), "is empty: a file needs at least one byte");
    }

    // --- metadata (both backends)

    private record Row(StoredBlob blob, Backend backend) {
    }

    private void insertMetadata(StoredBlob blob, Backend backend) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into blob (id, media_type, size_bytes, sha256, backend, created_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, blob.id());
                ps.setString(2, blob.mediaType());
                ps.setLong(3, blob.size());
                ps.setString(4, blob.sha256());
                ps.setString(5, backend.column());
                ps.setTimestamp(6, Timestamp.from(blob.createdAt()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    private Optional<Row> metadata(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select media_type, size_bytes, sha256, backend, created_at from blob where id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    Instant created = rs.getTimestamp(5).toInstant();
                    return Optional.of(new Row(new StoredBlob(id, rs.getString(1), rs.getLong(2), rs.getString(3), created),
                            Backend.of(rs.getString(4))));
                }
            }
        });
    }

    // --- postgres backend

    private void insertContent(String id, Path staged, long size) {
        withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into blob_content (blob_id, content) values (?, ?)");
                 InputStream in = Files.newInputStream(staged)) {
                ps.setString(1, id);
                ps.setBinaryStream(2, in, size);
                ps.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private byte[] readContent(String id) {
        return withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("select content from blob_content where blob_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("blob " + id + " has metadata but no content row");
                    }
                    return rs.getBytes(1);
                }
            }
        });
    }

    // --- filesystem backend

    private void moveIntoPlace(String id, Path staged) throws IOException {
        Path target = path(id);
        // registered before the file exists: whatever fails from here on, a transaction that does not commit removes it
        transactions.registerInterposedSynchronization(afterCompletion(status -> {
            if (status != Status.STATUS_COMMITTED) {
                deleteQuietly(target);
                deleteQuietly(target.resolveSibling(target.getFileName() + ".part"));
            }
        }));
        Files.createDirectories(target.getParent());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            // staging on another file system (DAAS_BLOB_STAGING_DIR): copy beside the target, then rename atomically,
            // so a reader never sees a partial file under the id
            Path part = target.resolveSibling(target.getFileName() + ".part");
            Files.copy(staged, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** The file of an id: {@code <dir>/<first two characters>/<id>}; ids are UUIDs (or SHA-256 of pre-V0_4 files). */
    Path path(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        Path root = root();
        Path path = root.resolve(id.substring(0, 2)).resolve(id).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("blob id escapes the store: " + id);
        }
        return path;
    }

    private Path root() {
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** Filesystem: a directory beside the files (same file system, so the final move is atomic); else the temp dir. */
    private Path staging(Backend backend) {
        if (stagingDir.isPresent() && !stagingDir.get().isBlank()) {
            return Path.of(stagingDir.get()).toAbsolutePath();
        }
        return backend == Backend.FILESYSTEM ? root().resolve(".staging") : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Cannot delete blob file %s: %s", file, e.getMessage());
        }
    }

    // --- transactions and JDBC

    private void requireTransaction() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("the blob store writes only inside an active transaction (@Transactional use case)");
        }
    }

    private static Synchronization afterCompletion(java.util.function.IntConsumer action) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.accept(status);
            }
        };
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Inside a transaction the data source hands out the transaction's connection, so these statements commit or roll back with it. */
    private <T> T withConnection(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Blob store database access failed: " + e.getMessage(), e);
        }
    }
}
