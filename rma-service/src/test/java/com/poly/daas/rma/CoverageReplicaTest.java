package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.contractEvent;
import static com.poly.daas.rma.ContractFeed.enrolled;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** contract-service's events reach this service through the real broker and build its coverage replica, once each. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class CoverageReplicaTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-R");
    }
    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void P3_enrolmentFromTheBrokerCoversTheDeviceAndCoverageEndedStopsRmasEvenWhenRedelivered() {
        String s = serial();
        String contractId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        String enrolment = contractEvent(enrolled(contractId, "P-R", s, "STANDARD"), UUID.randomUUID());
        TopicProbe.send(Topics.CONTRACTS, contractId, enrolment);
        TopicProbe.send(Topics.CONTRACTS, contractId, enrolment); // redelivery of the same event id
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.partner("P-R")).queryParam("on", "2026-03-02").get("/coverage/" + s)
                        .then().statusCode(200).body("covered", equalTo(true)).body("option", equalTo("STANDARD"))
                        .body("coverageStart", equalTo("2026-01-15")).body("coverageEnd", equalTo("2029-01-15")));
        given().header("Authorization", Tokens.partner("P-R")).queryParam("on", "2026-01-14").get("/coverage/" + s)
                .then().statusCode(200).body("covered", equalTo(false));
        given().header("Authorization", Tokens.partner("P-R")).queryParam("on", "2029-01-15").get("/coverage/" + s)
                .then().statusCode(200).body("covered", equalTo(false));

        clock.set(Instant.parse("2026-09-01T15:00:00Z"));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-R", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas").then().statusCode(201);

        ContractFeed.send(new DeviceCoverageEnded(contractId, s, "P-R", LocalDate.of(2026, 8, 1), "CONTRACT_TERMINATED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/coverage/" + s)
                        .then().statusCode(200).body("endedOn", equalTo("2026-08-01")).body("covered", equalTo(false)));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-R", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(422).body("rule", equalTo("P3")).body("detail", org.hamcrest.Matchers.containsString("CONTRACT_TERMINATED"));

        CoveredDevice row = QuarkusTransaction.requiringNew().call(() -> CoveredDevice.<CoveredDevice>find("serial", s).firstResult());
        assertThat(row.eventsApplied).as("two distinct events, the duplicate skipped").isEqualTo(2);
        assertThat(row.partnerId).isEqualTo("P-R");
    }

    @Test
    void P3_aDeviceNeverEnrolledOrNotDeliveredIsNotCovered() {
        clock.set(Instant.parse("2026-09-01T15:00:00Z"));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-R", serial(), "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(422).body("rule", equalTo("P3")).body("errors.field", org.hamcrest.Matchers.hasItem("serial"));

        String s = serial();
        String contractId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        var undelivered = new com.poly.daas.events.contracts.DeviceEnrolled(contractId, s, "CCX-500", "P-R", "CU-1", "US",
                null, null, "STANDARD", com.poly.daas.events.Money.of("25.00", "USD"), null, null);
        ContractFeed.send(undelivered);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/coverage/" + s).then().statusCode(200)
                        .body("covered", equalTo(false)));
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-R", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(422).body("rule", equalTo("P3"))
                .body("detail", org.hamcrest.Matchers.containsString("delivery date is not reported"));
    }

    @Test
    void aPoisonContractEventGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() {
        String s = serial();
        String key = "C-" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.send(Topics.CONTRACTS, key, contractEvent(enrolled(key, "P-R", " ", "STANDARD"), UUID.randomUUID()));
        ContractFeed.send(enrolled(key, "P-R", s, "STANDARD")); // same key, so same partition, after the poison
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", Tokens.agent()).get("/coverage/" + s).then().statusCode(200)
                        .body("contractId", equalTo(key)));
        var dead = TopicProbe.read(Topics.deadLetter("rma-service"), Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())));
        var record = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        assertThat(TopicProbe.header(record, "dead-letter-reason")).contains("without contractId, serial or partnerId");
    }
}
