package com.poly.daas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.blob.BlobContent;
import com.poly.daas.platform.blob.BlobPolicy;
import com.poly.daas.platform.blob.BlobStore;
import com.poly.daas.platform.blob.BlobStore.Backend;
import com.poly.daas.platform.blob.StoredBlob;
import com.poly.daas.testsupport.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The platform blob store (issue 13: one store for the suite; issue 15: a backend replicas share) on both backends,
 * against the real PostgreSQL of the tests and a real directory: limits, content checks, SHA-256, and no orphan row
 * or file when a file is refused or the surrounding transaction rolls back.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class BlobStoreTest {
    static final BlobPolicy ATTACHMENTS = BlobPolicy.of("file", 64 * BlobPolicy.KIB, "application/pdf", "image/png", "text/plain")
            .withTypeField("file.contentType");

    @Inject
    BlobStore blobs;
    @Inject
    AgroalDataSource db;
    @Inject
    com.poly.daas.registry.service.PortalCatalogue portal;
    @ConfigProperty(name = "daas.blob.dir")
    String dir;

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFileIsStoredWithItsSizeTypeAndSha256ReadBackAndDeleted(Backend backend) throws Exception {
        byte[] file = pdf(40_000);
        StoredBlob stored = QuarkusTransaction.requiringNew().call(() ->
                blobs.store(new ByteArrayInputStream(file), "application/PDF; charset=binary", ATTACHMENTS, backend));

        assertThat(stored.size()).isEqualTo(40_000);
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(blobs.find(stored.id())).contains(stored);
        try (BlobContent content = blobs.open(stored.id()).orElseThrow()) {
            assertThat(content.blob()).isEqualTo(stored);
            assertThat(content.readAllBytes()).isEqualTo(file);
        }
        assertThat(bytesOnBackend(stored.id(), backend)).as("the bytes are where the backend keeps them").isTrue();

        assertThat(QuarkusTransaction.requiringNew().call(() -> blobs.delete(stored.id()))).isTrue();
        assertThat(blobs.find(stored.id())).isEmpty();
        assertThat(blobs.open(stored.id())).isEmpty();
        assertThat(bytesOnBackend(stored.id(), backend)).isFalse();
        assertThat(QuarkusTransaction.requiringNew().call(() -> blobs.delete(stored.id()))).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void refusedFilesAreProblemsNamingTheFieldAndLeaveNoRowNoFileNoStagingFile(Backend backend) throws Exception {
        Footprint before = footprint();
        assertProblem(backend, new ByteArrayInputStream(pdf(64 * 1024 + 1)), "application/pdf", 413, "file");
        assertProblem(backend, new ByteArrayInputStream(new byte[0]), "application/pdf", 400, "file");
        assertProblem(backend, new ByteArrayInputStream(pdf(100)), "application/zip", 415, "file.contentType");
        assertProblem(backend, new ByteArrayInputStream(pdf(100)), null, 415, "file.contentType");
        // declared PDF, but a PNG; declared text, but binary
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3};
        assertProblem(backend, new ByteArrayInputStream(png), "application/pdf", 415, "file");
        assertProblem(backend, new ByteArrayInputStream(new byte[] {'l', 'o', 'g', 0, 1}), "text/plain", 415, "file");
        assertThat(footprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRolledBackTransactionLeavesNoRowAndNoFile(Backend backend) throws Exception {
        Footprint before = footprint();
        String[] id = new String[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            id[0] = blobs.store(new ByteArrayInputStream("2026-11-29 boot ok\n".getBytes(StandardCharsets.UTF_8)),
                    "text/plain", ATTACHMENTS, backend).id();
            assertThat(bytesOnBackend(id[0], backend)).as("written inside the transaction").isTrue();
            throw new IllegalStateException("the use case fails after the file was stored");
        })).hasMessageContaining("use case fails");
        assertThat(blobs.find(id[0])).isEmpty();
        assertThat(bytesOnBackend(id[0], backend)).isFalse();
        assertThat(footprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStreamThatBreaksMidwayLeavesNothing(Backend backend) throws Exception {
        Footprint before = footprint();
        InputStream breaking = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 5_000) {
                    return 'a';
                }
                throw new IOException("client went away");
            }
        };
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> blobs.store(breaking, "text/plain", ATTACHMENTS, backend)))
                .hasRootCauseMessage("client went away");
        assertThat(footprint()).isEqualTo(before);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void writingOutsideATransactionIsRefused(Backend backend) {
        assertThatThrownBy(() -> blobs.store(new ByteArrayInputStream(pdf(100)), "application/pdf", ATTACHMENTS, backend))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
    }

    @org.junit.jupiter.api.Test
    void thePostgresBackendCapsEveryPolicyAt25MiB() {
        BlobPolicy generous = ATTACHMENTS.withMaxBytes(100 * BlobPolicy.MIB);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> blobs.store(endless, "text/plain", generous, Backend.POSTGRES)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(413);
                    assertThat(p.getMessage()).contains(String.valueOf(BlobStore.POSTGRES_MAX_BYTES));
                });
    }

    /** The registry's upload on the store (issue 13): it used to write the file before validating and before commit. */
    @org.junit.jupiter.api.Test
    void aDocumentUploadThatIsRefusedOrRolledBackLeavesNoDocumentNoBlobAndNoFile() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        Footprint before = footprint();
        long documents = count("select count(*) from document");
        record Try(String type, byte[] body, int status, String field) {
        }
        for (Try t : java.util.List.of(new Try("application/pdf", "not a pdf".getBytes(StandardCharsets.UTF_8), 415, "body"),
                new Try("image/gif", "GIF89a....".getBytes(StandardCharsets.UTF_8), 415, "Content-Type"),
                new Try("application/octet-stream", new byte[0], 400, "body"))) {
            io.restassured.RestAssured.given().header("Authorization", com.poly.daas.testsupport.Tokens.admin())
                    .contentType(t.type()).body(t.body())
                    .queryParam("sku", sku).queryParam("kind", "DATASHEET").queryParam("title", "Datasheet")
                    .queryParam("version", "1.0").queryParam("releasedOn", "2026-09-30").queryParam("fileName", "sheet.pdf")
                    .post("/documents").then().statusCode(t.status())
                    .body("errors.field", org.hamcrest.Matchers.hasItem(t.field()));
        }
        assertThat(footprint()).isEqualTo(before);

        var meta = new com.poly.daas.registry.service.PortalCatalogue.DocumentUpload(sku, "DATASHEET", "Datasheet", "1.0", "2026-09-30", "sheet.pdf");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            portal.upload(meta, new ByteArrayInputStream(pdf(2_000)), "application/pdf");
            throw new IllegalStateException("the transaction fails after the upload");
        })).hasMessageContaining("fails after the upload");
        assertThat(footprint()).isEqualTo(before);
        assertThat(count("select count(*) from document")).isEqualTo(documents);

        var document = QuarkusTransaction.requiringNew().call(() -> portal.upload(meta, new ByteArrayInputStream(pdf(2_000)), "application/pdf"));
        assertThat(blobs.find(document.blobId)).hasValueSatisfying(b -> assertThat(b.mediaType()).isEqualTo("application/pdf"));
        io.restassured.RestAssured.given().header("Authorization", com.poly.daas.testsupport.Tokens.agent())
                .get("/documents/" + document.id + "/content").then().statusCode(200).contentType("application/pdf")
                .header("ETag", "\"" + document.sha256 + "\"");
    }

    private void assertProblem(Backend backend, InputStream in, String type, int status, String field) {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() -> blobs.store(in, type, ATTACHMENTS, backend)))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).as(type + " -> status").isEqualTo(status);
                    assertThat(p.toProblem(null).errors()).extracting(e -> e.field()).containsExactly(field);
                });
    }

    /** Rows of both blob tables and files under the blob directory (staging included). */
    record Footprint(long blobRows, long contentRows, long files) {
    }

    Footprint footprint() throws Exception {
        long files;
        Path root = Path.of(dir);
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(Files::isRegularFile).count();
            }
        } else {
            files = 0;
        }
        return new Footprint(count("select count(*) from blob"), count("select count(*) from blob_content"), files);
    }

    boolean bytesOnBackend(String id, Backend backend) {
        if (backend == Backend.POSTGRES) {
            try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("select count(*) from blob_content where blob_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) == 1;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return Files.isRegularFile(Path.of(dir).resolve(id.substring(0, 2)).resolve(id));
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
