package com.poly.daas.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Mints RS256 bearer tokens signed with the development key ({@code dev-keys/}), for the local run and the tests.
 * Services trust this key only in the dev and test profiles and in the local run; production verifies tokens
 * against the identity provider.
 */
public final class DevTokens {
    public static final String ISSUER = "https://dev.daas.local/issuer";
    private static volatile PrivateKey key;

    /**
     * @param subject   the caller's id ({@code sub}, {@code upn})
     * @param role      partner, agent, admin, service, or any other (e.g. end-user) to test refusals
     * @param partnerId the partner claim for a partner token; null otherwise
     */
    public static String mint(String subject, String role, String partnerId, Duration validity) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":\"").append(ISSUER).append("\",")
                .append("\"sub\":").append(quote(subject)).append(',')
                .append("\"upn\":").append(quote(subject)).append(',')
                .append("\"jti\":\"").append(UUID.randomUUID()).append("\",")
                .append("\"iat\":").append(now.getEpochSecond()).append(',')
                .append("\"exp\":").append(now.plus(validity).getEpochSecond()).append(',')
                .append("\"groups\":[").append(quote(role)).append(']');
        if (partnerId != null) {
            claims.append(",\"partner_id\":").append(quote(partnerId));
        }
        claims.append('}');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"daas-dev\"}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "." + base64(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(privateKey());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a dev token", e);
        }
    }

    public static String partner(String partnerId) {
        return mint("erp-" + partnerId, "partner", partnerId, Duration.ofHours(1));
    }

    public static String staff(String role) {
        return mint(role + "@poly.example", role, null, Duration.ofHours(1));
    }

    /** The development public key in PEM form (the local run hands it to the services). */
    public static String publicKeyPem() {
        return resource("/dev-keys/daas-dev-public.pem");
    }

    private static PrivateKey privateKey() throws GeneralSecurityException {
        if (key == null) {
            String pem = resource("/dev-keys/daas-dev-private.pem")
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
        return key;
    }

    private static String resource(String name) {
        try (InputStream in = DevTokens.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private DevTokens() {
    }
}
