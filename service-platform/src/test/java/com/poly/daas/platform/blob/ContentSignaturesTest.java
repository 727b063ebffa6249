package com.poly.daas.platform.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The content checks the blob store applies while a file streams in (issue 13: attachments refused by type). */
class ContentSignaturesTest {

    private static String mismatch(String type, byte[]... chunks) {
        ContentSignatures.Check check = ContentSignatures.check(type);
        for (byte[] chunk : chunks) {
            check.update(chunk, 0, chunk.length);
        }
        return check.mismatch();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void magicBytesOfPdfPngJpegAndZipAreRecognisedAndOthersRefused() {
        assertThat(mismatch("application/pdf", ascii("%PDF-1.7\n..."))).isNull();
        assertThat(mismatch("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0})).isNull();
        assertThat(mismatch("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).isNull();
        assertThat(mismatch("application/zip", ascii("PK\u0003\u0004rest"))).isNull();
        assertThat(mismatch("application/pdf", ascii("%PD"), ascii("F-1.4"))).as("signature split over chunks").isNull();

        assertThat(mismatch("application/pdf", ascii("MZ\u0090\u0000 an exe"))).contains("does not start like application/pdf");
        assertThat(mismatch("image/png", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isNotNull();
        assertThat(mismatch("application/zip", ascii("PK"))).as("shorter than the signature").isNotNull();
    }

    @Test
    void textMustBeUtf8WithoutNulBytesEvenWhenACharacterSpansChunks() {
        byte[] euro = "2026-11-29 10:00 price 5 €\n".getBytes(StandardCharsets.UTF_8);
        int split = euro.length - 2; // inside the 3-byte euro sign
        assertThat(mismatch("text/plain", java.util.Arrays.copyOf(euro, split),
                java.util.Arrays.copyOfRange(euro, split, euro.length))).isNull();
        assertThat(mismatch("text/plain", ascii("log line\u0000binary"))).contains("NUL");
        assertThat(mismatch("text/plain", new byte[] {'a', (byte) 0xC3})).contains("UTF-8");
        assertThat(mismatch("text/plain", new byte[] {(byte) 0xFF, (byte) 0xFE, 'a'})).contains("UTF-8");
        assertThat(mismatch("application/octet-stream", new byte[] {0, 1, 2})).as("no signature: accepted as declared").isNull();
    }

    @Test
    void policiesNormaliseMediaTypesAndIgnoreParameters() {
        BlobPolicy policy = BlobPolicy.of("file", 10, "Text/Plain", "application/pdf");
        assertThat(policy.mediaTypes()).containsExactly("application/pdf", "text/plain");
        assertThat(policy.allows("text/plain; charset=utf-8")).isTrue();
        assertThat(policy.allows("TEXT/PLAIN")).isTrue();
        assertThat(policy.allows("image/png")).isFalse();
        assertThat(policy.allows(null)).isFalse();
        assertThat(policy.allows("not a type")).isFalse();
        assertThat(policy.withTypeField("file.contentType").typeField()).isEqualTo("file.contentType");
        assertThatThrownBy(() -> BlobPolicy.of("file", 0, "text/plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlobPolicy.of("file", 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
