package com.poly.daas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deliberately broken manifest fails validation: each mistake is named, the valid control object passes. */
class BrokenManifestTest {

    @Test
    void everyDeliberateMistakeIsReportedAndTheValidObjectIsNot() {
        List<ObjectNode> objects = Kustomization.render(Deploy.fixture("broken"));
        List<String> problems = Deploy.validator().validate(objects);

        assertThat(problems).noneMatch(p -> p.startsWith("Service/valid-service"));
        assertThat(problems).anyMatch(p -> p.startsWith("Deployment/typo-in-container") && p.contains("imagePullPolicyy"));
        assertThat(problems).anyMatch(p -> p.startsWith("HorizontalPodAutoscaler/wrong-type") && p.contains("minReplicas"));
        assertThat(problems).anyMatch(p -> p.startsWith("PodDisruptionBudget/missing-required") && p.contains("selectr"));
        assertThat(problems).anyMatch(p -> p.startsWith("Servise/unknown-kind") && p.contains("no schema"));
        assertThat(problems).anyMatch(p -> p.startsWith("ServiceMonitor/bad-servicemonitor") && p.contains("intervall"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/bad-topic") && p.contains("partitions"));
        assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic/misspelt-topic") && p.contains("replica"));
        assertThat(problems).anyMatch(p -> p.startsWith("Kafka/bad-kafka") && p.contains("listeners[0]") && p.contains("type"));
        assertThat(problems).anyMatch(p -> p.startsWith("Cluster/bad-postgres") && p.contains("instance"));
        assertThat(problems).anyMatch(p -> p.startsWith("Cluster/bad-postgres") && p.contains("instances"));
        assertThat(problems).anyMatch(p -> p.startsWith("ScheduledBackup/bad-backup") && p.contains("schedule"));
        assertThat(problems).anyMatch(p -> p.startsWith("ScheduledBackup/bad-backup") && p.contains("tape"));
        assertThat(problems).anyMatch(p -> p.startsWith("Database/bad-metadata") && p.contains("labels"));
    }

    @Test
    void aBrokenPatchOfTheRealBaseFailsTheOverlay() {
        List<String> problems = Deploy.validator().validate(Kustomization.render(Deploy.fixture("broken-overlay")));

        assertThat(problems).singleElement().asString()
                .startsWith("Deployment/ticket-service").contains("limit");
    }
}
