package com.poly.daas.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * openAPIV3Schemas of the CloudNativePG kinds deploy/ uses, keyed by {@code apiVersion + "/" + kind}.
 *
 * <p>No package registry reachable here publishes CloudNativePG's CRDs or typed models, so the schemas are kept in
 * this module ({@code src/main/resources/crd-schemas/}), written from the CloudNativePG 1.27 API reference
 * ({@code postgresql.cnpg.io/v1}) and the Barman Cloud plugin documentation ({@code barmancloud.cnpg.io/v1}). They
 * cover the fields deploy/ uses and their documented siblings and refuse any other field (strict), so using a new
 * field means extending the schema from the reference first.
 */
public final class CrdSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> KEPT = List.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/Database", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore");

    private CrdSchemas() {
    }

    public static Map<String, JsonNode> all() {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (String key : KEPT) {
            String resource = "/crd-schemas/" + key.replace('/', '_') + ".json";
            try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing schema resource " + resource);
                }
                schemas.put(key, JSON.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
