package com.poly.daas.deploy;

import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.schema.validator.Validator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Validates rendered objects against their schemas, offline, and reports every problem as
 * {@code "<kind>/<name>: <message>"}:
 * <ul>
 *   <li>built-in Kubernetes kinds and prometheus-operator kinds (ServiceMonitor, PodMonitor, PrometheusRule): the
 *       OpenAPI definitions shipped in fabric8's {@code kubernetes-model-validator} (Kubernetes, OpenShift and
 *       prometheus-operator APIs), checked by the same schema validator fabric8 uses (Atlassian's);</li>
 *   <li>Strimzi kinds: strict binding to Strimzi's typed API ({@link StrimziModels});</li>
 *   <li>CloudNativePG kinds: their CRD schemas kept in this module ({@link CrdSchemas});</li>
 *   <li>the metadata of custom resources: Kubernetes' ObjectMeta.</li>
 * </ul>
 * Validation is strict: unknown fields are errors (as {@code kubectl apply --validate=strict}), and so is a kind
 * that no schema describes.
 */
public final class ManifestValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final OpenAPI api;
    private final SchemaValidator validator;
    private final Map<String, JsonNode> crdSchemas;
    private final StrimziModels strimzi = new StrimziModels();

    public ManifestValidator() {
        this.api = kubernetesOpenApi();
        // Kubernetes accepts a number or a string for these two; the published definitions only say "string"
        for (String intOrString : List.of("io.k8s.apimachinery.pkg.util.intstr.IntOrString",
                "io.k8s.apimachinery.pkg.api.resource.Quantity")) {
            api.getComponents().getSchemas().put(intOrString,
                    new ComposedSchema().anyOf(List.of(new IntegerSchema(), new StringSchema())));
        }
        this.crdSchemas = CrdSchemas.all();
        ObjectNode doc = JSON.createObjectNode();
        doc.put("openapi", "3.0.3");
        doc.putObject("info").put("title", "custom resources of deploy/").put("version", "1");
        doc.putObject("paths");
        ObjectNode components = doc.putObject("components").putObject("schemas");
        crdSchemas.forEach((key, schema) -> components.set(componentName(key), forValidation(schema.deepCopy(), true)));
        OpenAPI crds = new OpenAPIV3Parser().readContents(doc.toString(), null, new ParseOptions()).getOpenAPI();
        api.getComponents().getSchemas().putAll(crds.getComponents().getSchemas());
        this.validator = new SchemaValidator(api, new MessageResolver());
    }

    /** Problems of all objects; empty when every object is valid. */
    public List<String> validate(List<? extends JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode o : objects) {
            problems.addAll(validate(o));
        }
        return problems;
    }

    public List<String> validate(JsonNode object) {
        String label = object.path("kind").asText("?") + "/" + object.path("metadata").path("name").asText("?");
        List<String> problems = new ArrayList<>();
        if (StrimziModels.handles(object)) {
            strimzi.validate(object).forEach(p -> problems.add(label + ": " + p));
            problems.addAll(errors(label, metadataCarrier(object), "io.k8s.api.core.v1.ConfigMap"));
            return problems;
        }
        String key = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        if (crdSchemas.containsKey(key)) {
            problems.addAll(errors(label, object, componentName(key)));
            problems.addAll(errors(label, metadataCarrier(object), "io.k8s.api.core.v1.ConfigMap"));
            return problems;
        }
        String schema = kubernetesSchemaName(object.path("apiVersion").asText(), object.path("kind").asText());
        if (schema == null) {
            return List.of(label + ": no schema for " + key + " (a kind deploy/ did not use before: add its schema)");
        }
        return errors(label, object, schema);
    }

    private List<String> errors(String label, JsonNode object, String schemaName) {
        Schema<?> schema = api.getComponents().getSchemas().get(schemaName);
        ValidationReport report = validator.validate(() -> object, schema, "root");
        List<String> problems = new ArrayList<>();
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> problems.add(label + ": " + m.getMessage()));
        return problems;
    }

    /** Definition name of a built-in or prometheus-operator kind, as fabric8's OpenAPI names them; null if none. */
    private String kubernetesSchemaName(String apiVersion, String kind) {
        List<String> candidates = new ArrayList<>();
        if (!apiVersion.contains("/")) {
            candidates.add("io.k8s.api.core." + apiVersion + "." + kind);
        } else {
            String group = apiVersion.substring(0, apiVersion.indexOf('/'));
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            if (!group.contains(".")) {
                candidates.add("io.k8s.api." + group + "." + version + "." + kind);
            } else if (group.endsWith(".k8s.io")) {
                candidates.add("io.k8s.api." + group.substring(0, group.indexOf('.')) + "." + version + "." + kind);
            }
            List<String> parts = new ArrayList<>(List.of(group.split("\\.")));
            java.util.Collections.reverse(parts);
            candidates.add(String.join(".", parts) + "." + version + "." + kind);
        }
        return candidates.stream().filter(api.getComponents().getSchemas()::containsKey).findFirst().orElse(null);
    }

    /** The CRD schemas leave metadata open: Kubernetes' ObjectMeta checks it (carried by a ConfigMap). */
    private static JsonNode metadataCarrier(JsonNode object) {
        ObjectNode carrier = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
        carrier.set("metadata", object.path("metadata"));
        return carrier;
    }

    /** The OpenAPI that fabric8's validator loads from its jar (kept private there: reflection). */
    private static OpenAPI kubernetesOpenApi() {
        try {
            Validator fabric8 = Validator.newInstance();
            Field field = Validator.class.getDeclaredField("api");
            field.setAccessible(true);
            return (OpenAPI) field.get(fabric8);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fabric8 kubernetes-model-validator changed: " + e, e);
        }
    }

    private static String componentName(String key) {
        return key.replace('/', '.');
    }

    /**
     * Prepares a CRD schema for the schema validator: objects marked x-kubernetes-preserve-unknown-fields accept any
     * field (Kubernetes keeps them), the top-level metadata is left to ObjectMeta; every other object refuses
     * unknown fields (the validator's default).
     */
    private static JsonNode forValidation(JsonNode schema, boolean root) {
        if (schema.isObject()) {
            ObjectNode s = (ObjectNode) schema;
            if (root && s.path("properties").has("metadata")) {
                ((ObjectNode) s.get("properties")).putObject("metadata").put("type", "object").put("additionalProperties", true);
            }
            if (s.path("x-kubernetes-preserve-unknown-fields").asBoolean() && !s.has("additionalProperties")) {
                s.put("additionalProperties", true);
            }
            for (Iterator<JsonNode> it = s.elements(); it.hasNext(); ) {
                forValidation(it.next(), false);
            }
        } else if (schema.isArray()) {
            schema.forEach(item -> forValidation(item, false));
        }
        return schema;
    }
}
