package com.poly.daas.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a Kustomize directory the way {@code kustomize build} does, for the subset of Kustomize that deploy/ uses
 * (no kustomize binary is installed here or in CI). Anything outside that subset is refused, never skipped, so a
 * rendering here cannot silently differ from the real one:
 * <ul>
 *   <li>{@code resources}: files (several YAML documents each) and directories holding a kustomization.yaml;</li>
 *   <li>{@code patches}: strategic-merge patches ({@code path} or inline {@code patch}) naming their target by
 *       apiVersion, kind and metadata.name; built-in kinds merge their keyed lists (containers, env, volumes...) by
 *       key, custom resources use JSON merge patch (lists replaced), as Kustomize does;</li>
 *   <li>{@code namespace}: set on every namespaced object;</li>
 *   <li>{@code images}: {@code name} with {@code newName} and/or {@code newTag} on pod template containers.</li>
 * </ul>
 */
public final class Kustomization {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "namespace", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PriorityClass", "StorageClass", "PersistentVolume");
    /** Keyed lists of built-in kinds (their patchMergeKey); every other list is replaced by a patch. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "volumes", "name", "env", "name",
            "imagePullSecrets", "name", "volumeMounts", "mountPath");

    private Kustomization() {
    }

    /** Prints the rendered objects of a kustomization directory as YAML documents (what kubectl would apply). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Kustomization <directory with kustomization.yaml>");
            System.exit(2);
        }
        System.out.print(toYaml(render(Path.of(args[0]))));
    }

    /** The objects as one multi-document YAML text. */
    public static String toYaml(List<ObjectNode> objects) throws IOException {
        StringBuilder out = new StringBuilder();
        for (ObjectNode o : objects) {
            out.append(YAML.writeValueAsString(o));
        }
        return out.toString();
    }

    /** All objects of the kustomization in {@code dir}, in the order Kustomize emits them for our subset. */
    public static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        JsonNode k = read(file).get(0);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": field '" + field + "' is not supported by this renderer "
                        + "(supported: " + SUPPORTED_FIELDS + ")");
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                objects.addAll(read(path));
            } else {
                throw new IllegalArgumentException(file + ": resource " + resource.asText() + " does not exist");
            }
        }
        rejectDuplicates(file, objects);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, objects);
        }
        if (k.hasNonNull("namespace")) {
            String namespace = k.get("namespace").asText();
            for (ObjectNode o : objects) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    o.withObject("/metadata").put("namespace", namespace);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            setImages(file, image, objects);
        }
        return objects;
    }

    static List<ObjectNode> read(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<ObjectNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                if (!doc.isObject()) {
                    throw new IllegalArgumentException(file + ": a YAML document is not an object");
                }
                out.add((ObjectNode) doc);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Group/kind/namespace/name: Kustomize refuses two resources with the same id. */
    public static String id(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group + "/" + o.path("kind").asText() + "/" + o.path("metadata").path("namespace").asText("") + "/"
                + o.path("metadata").path("name").asText();
    }

    private static void rejectDuplicates(Path file, List<ObjectNode> objects) {
        Set<String> seen = new HashSet<>();
        for (ObjectNode o : objects) {
            if (!seen.add(id(o))) {
                throw new IllegalArgumentException(file + ": resource " + id(o) + " is defined twice");
            }
        }
    }

    private static void applyPatch(Path dir, Path file, JsonNode entry, List<ObjectNode> objects) {
        for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!field.equals("path") && !field.equals("patch")) {
                throw new IllegalArgumentException(file + ": patch field '" + field + "' is not supported (use a "
                        + "strategic-merge patch naming its target by apiVersion, kind and metadata.name)");
            }
        }
        List<ObjectNode> patches = entry.has("path") ? read(dir.resolve(entry.get("path").asText()))
                : readInline(file, entry.path("patch").asText());
        for (ObjectNode patch : patches) {
            String kind = patch.path("kind").asText();
            String name = patch.path("metadata").path("name").asText();
            ObjectNode target = objects.stream()
                    .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": patch target " + kind + "/" + name + " not found"));
            merge(target, patch, isBuiltIn(target.path("apiVersion").asText()));
        }
    }

    private static List<ObjectNode> readInline(Path file, String yaml) {
        try {
            JsonNode doc = YAML.readTree(yaml);
            if (doc == null || !doc.isObject()) {
                throw new IllegalArgumentException(file + ": inline patch is not an object");
            }
            return List.of((ObjectNode) doc);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": inline patch: " + e.getMessage(), e);
        }
    }

    /** Core API groups have no dot in their name or end in .k8s.io; custom resources get JSON merge patch. */
    static boolean isBuiltIn(String apiVersion) {
        if (!apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    static void merge(ObjectNode target, ObjectNode patch, boolean strategic) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String field = e.getKey();
            JsonNode value = e.getValue();
            JsonNode current = target.get(field);
            if (value.isNull()) {
                target.remove(field);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray() && mergeKey(field, value) != null) {
                mergeKeyedList((ArrayNode) current, (ArrayNode) value, mergeKey(field, value));
            } else {
                target.set(field, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, JsonNode list) {
        if (field.equals("ports")) {
            return list.size() > 0 && list.get(0).has("containerPort") ? "containerPort" : "port";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeKeyedList(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            ObjectNode match = null;
            for (JsonNode existing : current) {
                if (existing.path(key).equals(item.path(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                current.add(item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, true);
            }
        }
    }

    private static void setImages(Path file, JsonNode image, List<ObjectNode> objects) {
        String name = image.path("name").asText();
        Set<String> fields = new LinkedHashSet<>();
        image.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(Set.of("name", "newName", "newTag"));
        if (name.isEmpty() || !fields.isEmpty()) {
            throw new IllegalArgumentException(file + ": images entries take name, newName and newTag only");
        }
        for (ObjectNode o : objects) {
            JsonNode podSpec = o.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : podSpec.path(list)) {
                    String ref = c.path("image").asText();
                    int at = ref.indexOf('@');
                    int colon = ref.lastIndexOf(':');
                    String repository = at >= 0 ? ref.substring(0, at) : colon > ref.lastIndexOf('/') ? ref.substring(0, colon) : ref;
                    String tag = at >= 0 ? ref.substring(at) : colon > ref.lastIndexOf('/') ? ref.substring(colon) : "";
                    if (repository.equals(name)) {
                        String newRepository = image.path("newName").asText(repository);
                        String newTag = image.has("newTag") ? ":" + image.get("newTag").asText() : tag;
                        ((ObjectNode) c).put("image", newRepository + newTag);
                    }
                }
            }
        }
    }
}
