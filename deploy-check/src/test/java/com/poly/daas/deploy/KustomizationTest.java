package com.poly.daas.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The renderer does what kustomize build does for our subset, and refuses the rest instead of skipping it. */
class KustomizationTest {

    @Test
    void theDevOverlayPatchesKeyedListsByNameAndKeepsEverythingElse() {
        List<ObjectNode> dev = Kustomization.render(Deploy.DIR.resolve("overlays/dev"));
        JsonNode container = DeployManifestsTest.find(dev, "Deployment", "ticket-service")
                .path("spec").path("template").path("spec").path("containers");

        assertThat(container).hasSize(1);
        assertThat(container.get(0).path("resources").path("requests").path("cpu").asText()).isEqualTo("100m");
        assertThat(container.get(0).path("resources").path("requests").path("memory").asText()).isEqualTo("384Mi");
        assertThat(container.get(0).path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(DeployManifestsTest.find(dev, "HorizontalPodAutoscaler", "ticket-service").path("spec")
                .path("minReplicas").asInt()).isEqualTo(1);
        assertThat(DeployManifestsTest.find(dev, "Cluster", "daas-postgres").path("spec").path("instances").asInt()).isEqualTo(1);
        assertThat(DeployManifestsTest.find(dev, "Cluster", "daas-postgres").path("spec").path("managed")
                .path("roles")).hasSize(5);
    }

    @Test
    void customResourcesGetJsonMergePatchSoTheirListsAreReplacedWhole() {
        List<ObjectNode> dev = Kustomization.render(Deploy.DIR.resolve("overlays/dev"));
        JsonNode volumes = DeployManifestsTest.find(dev, "KafkaNodePool", "dual-role").path("spec").path("storage").path("volumes");

        assertThat(volumes).hasSize(1);
        assertThat(volumes.get(0).path("size").asText()).isEqualTo("10Gi");
        assertThat(DeployManifestsTest.find(dev, "ObjectStore", "daas-backups").path("spec").path("configuration")
                .path("s3Credentials").path("accessKeyId").path("name").asText()).isEqualTo("daas-backup-s3");
    }

    @Test
    void aKustomizationFieldOutsideTheSupportedSubsetIsRefused() {
        assertThatThrownBy(() -> Kustomization.render(Deploy.fixture("unsupported")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("configMapGenerator");
    }
}
