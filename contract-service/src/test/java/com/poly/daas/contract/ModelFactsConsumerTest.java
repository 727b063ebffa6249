package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.contract.domain.ModelFact;
import com.poly.daas.events.DomainEvent;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import com.poly.daas.events.registry.ModelCatalogued;
import com.poly.daas.events.registry.ModelEndOfSaleAnnounced;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The registry's events reach this service through the real broker and build its model replica, once each. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ModelFactsConsumerTest {

    static String newSku() {
        return "M" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** Exactly what the registry's outbox writes for the event. */
    static String registryEvent(DomainEvent event, UUID id) {
        return EventJson.write(EventJson.envelope(event, id, Instant.now(), "device-registry-service"));
    }

    @Test
    void P6_endOfSaleFromTheRegistryStopsEnrolmentAndARedeliveryChangesNothing() {
        String sku = newSku();
        String partner = Fixtures.partner(); // a partner the programme knows (issue 9)
        TopicProbe.send(Topics.REGISTRY_MODELS, sku,
                registryEvent(new ModelCatalogued(sku, "Poly Voyager", "Voyager", "HEADSET", true, true), UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner(partner)).get("/model-eligibility/" + sku)
                        .then().statusCode(200).body("enrollable", equalTo(true)).body("voice", equalTo(true)));

        String endOfSale = registryEvent(new ModelEndOfSaleAnnounced(sku, LocalDate.of(2026, 11, 2), LocalDate.of(2027, 5, 1)),
                UUID.randomUUID());
        TopicProbe.send(Topics.REGISTRY_MODELS, sku, endOfSale);
        TopicProbe.send(Topics.REGISTRY_MODELS, sku, endOfSale); // redelivery of the same event id
        String marker = newSku();
        TopicProbe.send(Topics.REGISTRY_MODELS, sku,
                registryEvent(new ModelCatalogued(sku, "Poly Voyager 2", "Voyager", "HEADSET", true, true), UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/model-eligibility/" + sku)
                        .then().statusCode(200).body("enrollable", equalTo(false))
                        .body("endOfSaleAnnouncedOn", equalTo("2026-11-02")));
        await().atMost(Duration.ofSeconds(20)).until(() -> fact(sku).name.equals("Poly Voyager 2"));
        assertThat(fact(sku).eventsApplied).as("three distinct events, the duplicate skipped").isEqualTo(3);
        assertThat(marker).isNotBlank();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicWithItsReasonAndDoesNotBlockThePartition() {
        String sku = newSku();
        TopicProbe.send(Topics.REGISTRY_MODELS, sku, "{this is not an event");
        TopicProbe.send(Topics.REGISTRY_MODELS, sku,
                registryEvent(new ModelCatalogued(sku, "Poly Sync 20", "Sync", "CONFERENCE_PHONE", true, true), UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/model-eligibility/" + sku).then().statusCode(200));
        var dead = TopicProbe.read(Topics.deadLetter("contract-service"), Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> sku.equals(r.key())));
        var record = dead.stream().filter(r -> sku.equals(r.key())).findFirst().orElseThrow();
        assertThat(record.value()).isEqualTo("{this is not an event");
        assertThat(TopicProbe.header(record, "dead-letter-reason")).contains("Not a valid event envelope");
    }

    @Test
    void unknownModelIsAProblem() {
        given().header("Authorization", Tokens.agent()).get("/model-eligibility/NOPE-1")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.endUser("P-1")).get("/model-eligibility/NOPE-1").then().statusCode(403);
    }

    private static ModelFact fact(String sku) {
        return QuarkusTransaction.requiringNew().call(() -> ModelFact.<ModelFact>findById(sku));
    }
}
