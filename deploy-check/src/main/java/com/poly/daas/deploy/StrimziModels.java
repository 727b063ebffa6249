package com.poly.daas.deploy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates Strimzi objects by binding them strictly to Strimzi's typed API ({@code io.strimzi:api}), the Java
 * model from which Strimzi generates its published CRDs: a field the model does not have, a value of the wrong type
 * (no coercion: {@code "3"} is not an integer), an unknown enum value or type discriminator ({@code storage.type},
 * {@code listeners[].type}) and a missing required property are problems.
 *
 * <p>Strimzi 1.x ships its CRD generator built for Java 21 only; this project builds with Java 17, so the model of
 * Strimzi {@value #STRIMZI_API} is used. Its per-version annotations (fields dropped in {@code v1}, numeric minimums)
 * belong to an annotation artifact not published for that version, so those two checks are left to the operator's
 * admission (docs/operations.md).
 */
public final class StrimziModels {
    static final String STRIMZI_API = "0.51.0";
    private static final Map<String, Class<?>> KINDS = Map.of(
            "Kafka", Kafka.class, "KafkaNodePool", KafkaNodePool.class, "KafkaTopic", KafkaTopic.class);
    private static final Set<String> SKIPPED_GETTERS = Set.of("getAdditionalProperties", "getClass", "getStatus");
    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .enable(DeserializationFeature.FAIL_ON_MISSING_EXTERNAL_TYPE_ID_PROPERTY)
            .build();

    static boolean handles(JsonNode object) {
        return object.path("apiVersion").asText().startsWith("kafka.strimzi.io/") && KINDS.containsKey(object.path("kind").asText());
    }

    /** Problems of one Strimzi object (its metadata is checked separately against Kubernetes' ObjectMeta). */
    List<String> validate(JsonNode object) {
        String kind = object.path("kind").asText();
        String version = object.path("apiVersion").asText().substring("kafka.strimzi.io/".length());
        if (!version.equals("v1")) {
            return List.of("apiVersion kafka.strimzi.io/" + version + ": deploy/ uses kafka.strimzi.io/v1 only");
        }
        Object model;
        try {
            model = mapper.treeToValue(object, KINDS.get(kind));
        } catch (JsonProcessingException e) {
            String at = e instanceof JsonMappingException m ? m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")) : "";
            return List.of("at " + at + ": " + e.getOriginalMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(model, "", problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, problems, seen));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.strimzi.api") && !pkg.startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        if (path.equals(".metadata")) {
            return; // checked against ObjectMeta by ManifestValidator
        }
        for (Method getter : value.getClass().getMethods()) {
            if (Modifier.isStatic(getter.getModifiers()) || getter.getParameterCount() != 0
                    || SKIPPED_GETTERS.contains(getter.getName()) || getter.isAnnotationPresent(JsonIgnore.class)
                    || !(getter.getName().startsWith("get") || getter.getName().startsWith("is"))
                    || !getter.getDeclaringClass().getPackageName().startsWith("io.")) {
                continue;
            }
            JsonProperty property = getter.getAnnotation(JsonProperty.class);
            String name = property != null && !property.value().isEmpty() ? property.value()
                    : Introspector.decapitalize(getter.getName().substring(getter.getName().startsWith("is") ? 2 : 3));
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (child == null && property != null && property.required()) {
                problems.add("at " + path.substring(Math.min(1, path.length())) + ": missing required property '" + name + "'");
            }
            walk(child, path + "." + name, problems, seen);
        }
        try {
            Object extra = value.getClass().getMethod("getAdditionalProperties").invoke(value);
            if (extra instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                problems.add("at " + (path.isEmpty() ? "(root)" : path.substring(1)) + ": unknown field(s) " + unknown.keySet());
            }
        } catch (ReflectiveOperationException e) {
            // a model class without additional properties cannot hold unknown fields
        }
    }
}
