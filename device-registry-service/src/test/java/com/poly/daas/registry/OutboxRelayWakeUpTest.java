package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: the outbox relay is woken by the commit of a transaction that added outbox rows (LISTEN/NOTIFY, platform
 * migration V0_5), not by its poll: with the poll set to a minute, an event still reaches Kafka within seconds.
 */
@QuarkusTest
@TestProfile(OutboxRelayWakeUpTest.MinutePoll.class)
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class OutboxRelayWakeUpTest {
    public static class MinutePoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("daas.outbox.relay.poll-interval", "PT60S");
        }
    }

    private static boolean published(String sku, Duration within) {
        return TopicProbe.read(Topics.REGISTRY_MODELS, within, rs -> rs.stream().anyMatch(r -> sku.equals(r.key())))
                .stream().anyMatch(r -> sku.equals(r.key()));
    }

    private static String catalogue() {
        String sku = ModelCatalogueTest.newSku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(ModelCatalogueTest.modelJson(sku, "HEADSET")).post("/models").then().statusCode(201);
        return sku;
    }

    @Test
    void anEventCommittedWhileTheRelayWaitsIsPublishedAtItsCommitNotAtTheNextPoll() throws InterruptedException {
        assertThat(published(catalogue(), Duration.ofSeconds(20))).as("first event (the relay listens from its start)").isTrue();
        Thread.sleep(1_000); // the relay has published it and is back to waiting, up to a minute, for the next commit

        String sku = catalogue();
        assertThat(published(sku, Duration.ofSeconds(15))).as("published on the commit's notification, not the 60 s poll")
                .isTrue();
    }
}
