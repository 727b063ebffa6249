package com.poly.daas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.poly.daas.events.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The KafkaTopics of deploy/ and the event catalogue (Topics.all(), read at run time) cannot drift apart. */
class KafkaTopicCatalogueTest {

    @Test
    void everyCatalogueTopicHasExactlyOneKafkaTopicAndThereIsNoOther() {
        for (var overlay : Deploy.overlays()) {
            List<String> declared = new ArrayList<>();
            for (ObjectNode o : Kustomization.render(overlay)) {
                if (o.path("kind").asText().equals("KafkaTopic")) {
                    declared.add(topicName(o));
                }
            }
            var missing = new TreeSet<>(Topics.all());
            missing.removeAll(declared);
            var unknown = new TreeSet<>(declared);
            unknown.removeAll(Topics.all());

            assertThat(missing).as("catalogue topics without a KafkaTopic in " + overlay
                    + " (add one to deploy/base/kafka/topics.yaml)").isEmpty();
            assertThat(unknown).as("KafkaTopics in " + overlay + " that the catalogue does not list").isEmpty();
            assertThat(declared).as("one KafkaTopic per topic").doesNotHaveDuplicates();
        }
    }

    @Test
    void everyTopicStatesPartitionsReplicationThreeMinInsyncTwoAndRetention() {
        for (ObjectNode o : Kustomization.render(Deploy.DIR.resolve("overlays/prod"))) {
            if (!o.path("kind").asText().equals("KafkaTopic")) {
                continue;
            }
            JsonNode spec = o.path("spec");
            assertThat(spec.path("partitions").asInt()).as(topicName(o)).isPositive();
            assertThat(spec.path("replicas").asInt()).as(topicName(o)).isEqualTo(3);
            assertThat(spec.path("config").path("min.insync.replicas").asInt()).as(topicName(o)).isEqualTo(2);
            JsonNode config = spec.path("config");
            assertThat(config.has("retention.ms")).as(topicName(o) + ": retention stated").isTrue();
            if (config.path("cleanup.policy").asText().equals("compact")) {
                // a compacted topic keeps the latest record per key for ever (partner and customer facts)
                assertThat(config.path("retention.ms").asLong()).as(topicName(o)).isEqualTo(-1);
            } else {
                assertThat(config.path("retention.ms").asLong()).as(topicName(o)).isPositive();
            }
            assertThat(o.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("daas-kafka");
        }
    }

    private static String topicName(JsonNode kafkaTopic) {
        return kafkaTopic.path("spec").path("topicName").asText(kafkaTopic.path("metadata").path("name").asText());
    }
}
