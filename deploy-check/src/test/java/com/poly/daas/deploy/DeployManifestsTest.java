package com.poly.daas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay under deploy/overlays renders, every object is valid against its schema, and the suite's rules hold. */
class DeployManifestsTest {
    private static final List<String> SERVICES = List.of(
            "device-registry-service", "contract-service", "ticket-service", "rma-service", "billing-service");

    static List<Path> overlays() {
        return Deploy.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectOfTheOverlayIsValidAgainstItsSchema(Path overlay) throws IOException {
        List<ObjectNode> objects = Kustomization.render(overlay);
        // what `kubectl apply -k` would send, for review: target/rendered/<overlay>.yaml
        Path rendered = Path.of("target/rendered", overlay.getFileName() + ".yaml");
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, Kustomization.toYaml(objects));

        assertThat(objects).hasSizeGreaterThan(40);
        assertThat(Deploy.validator().validate(objects)).isEmpty();
        assertThat(objects).allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asText())
                .isEqualTo(o.path("kind").asText().equals("Namespace") ? "" : namespaceOf(objects)));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasItsDeploymentServiceAutoscalerBudgetPolicyAndMonitor(Path overlay) {
        List<ObjectNode> objects = Kustomization.render(overlay);

        for (String service : SERVICES) {
            for (String kind : List.of("Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                    "NetworkPolicy", "ServiceMonitor")) {
                assertThat(find(objects, kind, service)).as(kind + " " + service + " in " + overlay).isNotNull();
            }
            assertThat(find(objects, "ConfigMap", service + "-config")).isNotNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void podsRunRestrictedWithHealthProbesAndAGracePeriodCoveringTheShutdownWindow(Path overlay) throws IOException {
        List<ObjectNode> objects = Kustomization.render(overlay);

        for (String service : SERVICES) {
            JsonNode pod = find(objects, "Deployment", service).path("spec").path("template").path("spec");
            JsonNode container = pod.path("containers").get(0);
            assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
            JsonNode security = container.path("securityContext");
            assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
            assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
            assertThat(security.path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
            assertThat(container.path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
            assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();

            long preStop = container.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong();
            long grace = pod.path("terminationGracePeriodSeconds").asLong();
            assertThat(grace).as(service + ": grace period >= preStop sleep + quarkus.shutdown.timeout")
                    .isGreaterThanOrEqualTo(preStop + shutdownTimeout(service).toSeconds());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAreTaggedWithTheMavenVersion(Path overlay) {
        String version = System.getProperty("daas.project.version");
        List<ObjectNode> objects = Kustomization.render(overlay);

        for (String service : SERVICES) {
            JsonNode container = find(objects, "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0);
            assertThat(container.path("image").asText()).isEqualTo("poly-daas/" + service + ":" + version);
        }
    }

    /**
     * Issue 15, shared files: replicas of a service share its files only through the database backend of the platform
     * blob store, so every service whose autoscaler may run more than one pod selects it, and no pod keeps files on a
     * volume of its own.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void servicesWithSeveralReplicasKeepTheirFilesInTheSharedBlobBackend(Path overlay) {
        List<ObjectNode> objects = Kustomization.render(overlay);

        for (String service : SERVICES) {
            long maxReplicas = find(objects, "HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asLong();
            JsonNode own = find(objects, "ConfigMap", service + "-config").path("data").path("DAAS_BLOB_BACKEND");
            String backend = own.isMissingNode() ? find(objects, "ConfigMap", "daas-common").path("data").path("DAAS_BLOB_BACKEND").asText()
                    : own.asText();
            if (maxReplicas > 1) {
                assertThat(backend).as(service + " in " + overlay + ": DAAS_BLOB_BACKEND with up to " + maxReplicas + " pods")
                        .isEqualTo("postgres");
            }
            JsonNode volumes = find(objects, "Deployment", service).path("spec").path("template").path("spec").path("volumes");
            assertThat(volumes.findValues("persistentVolumeClaim")).as(service + ": no per-pod file volume").isEmpty();
        }
    }

    /** quarkus.shutdown.timeout of a service: its application.properties, else service-platform's default. */
    static Duration shutdownTimeout(String service) throws IOException {
        Path root = Deploy.DIR.getParent();
        String value = null;
        for (Path file : List.of(
                root.resolve("service-platform/src/main/resources/META-INF/microprofile-config.properties"),
                root.resolve(service + "/src/main/resources/application.properties"))) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            }
            value = p.getProperty("quarkus.shutdown.timeout", value);
        }
        assertThat(value).as("quarkus.shutdown.timeout of " + service).isNotNull();
        return Duration.parse("PT" + value.toUpperCase());
    }

    static ObjectNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.path("metadata").path("name").asText().equals(name))
                .findFirst().orElse(null);
    }

    private static String namespaceOf(List<ObjectNode> objects) {
        List<String> namespaces = new ArrayList<>();
        objects.stream().filter(o -> o.path("kind").asText().equals("Namespace"))
                .forEach(o -> namespaces.add(o.path("metadata").path("name").asText()));
        assertThat(namespaces).hasSize(1);
        return namespaces.get(0);
    }
}
