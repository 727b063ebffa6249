package com.poly.daas.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.devstack.DevTokens;
import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.devstack.Suite;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The five packaged services, each its own process, as ./daas run starts them. A registry event crossing to contract-service through the real broker, both services packaged and running as
 * separate processes: catalogue a model, see contract-service learn it; announce end-of-sale (P6), see enrolment stop.
 */
@ExtendWith(RunningSuite.Resolver.class)
class SuiteJourneyTest {
    static Suite suite;
    static ServiceProcess registry;
    static ServiceProcess contracts;
    /** The registry as production runs it: no key configured but the identity provider's. */
    static ServiceProcess registryWithoutDevKey;

    static RunningSuite running;

    @BeforeAll
    static void start(RunningSuite shared) throws Exception {
        running = shared;
        suite = shared.suite;
        registry = suite.service("device-registry-service");
        contracts = suite.service("contract-service");
        registryWithoutDevKey = ServiceProcess.start(shared.root, "device-registry-service", Infrastructure.freePort(),
                shared.infrastructure.endpoints(), null, shared.dir.resolve("logs-prod"), Map.of());
        registryWithoutDevKey.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (registryWithoutDevKey != null) {
            registryWithoutDevKey.close();
        }
    }

    @Test
    void P6_endOfSaleAnnouncedInTheRegistryStopsEnrolmentInContractService() {
        String admin = "Bearer " + DevTokens.staff("admin");
        String partner = "Bearer " + DevTokens.partner("P-JOURNEY");
        String sku = "J" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // issue 9: a partner token is honoured only for a partner the programme knows (registered in contract-service)
        given().baseUri(contracts.url()).header("Authorization", admin).contentType("application/json")
                .body("{\"id\":\"P-JOURNEY\",\"name\":\"Journey partner\",\"certificationStatus\":\"ACTIVE\","
                        + "\"certifiedFrom\":\"2020-01-01\",\"certifiedUntil\":\"2099-12-31\"}")
                .post("/partners").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));

        given().baseUri(registry.url()).header("Authorization", admin).contentType("application/json")
                .body("{\"sku\":\"" + sku + "\",\"name\":\"Poly Journey Phone\",\"family\":\"CCX\",\"category\":\"DESK_PHONE\",\"daasEligible\":true}")
                .post("/models").then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(contracts.url())
                .header("Authorization", partner).get("/model-eligibility/" + sku)
                .then().statusCode(200).body("enrollable", equalTo(true)).body("voice", equalTo(true)));

        String etag = given().baseUri(registry.url()).header("Authorization", admin).get("/models/" + sku)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(registry.url()).header("Authorization", admin).header("If-Match", etag).contentType("application/json")
                .body("{\"announcedOn\":\"2026-11-24\",\"effectiveOn\":\"2027-03-31\"}")
                .post("/models/" + sku + "/end-of-sale").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(contracts.url())
                .header("Authorization", partner).get("/model-eligibility/" + sku)
                .then().statusCode(200).body("enrollable", equalTo(false)).body("endOfSaleAnnouncedOn", equalTo("2026-11-24")));
    }

    @Test
    void theProductionProfileNeverTrustsTheDevelopmentKey() {
        given().baseUri(registryWithoutDevKey.url()).header("Authorization", "Bearer " + DevTokens.staff("admin"))
                .get("/models").then().statusCode(401).contentType("application/problem+json");
        given().baseUri(registry.url()).header("Authorization", "Bearer " + DevTokens.staff("admin"))
                .get("/models").then().statusCode(200);
    }

    @Test
    void allFiveServicesRunAsProcessesAndAnswerHealthOpenApiAndSwaggerUi() {
        assertThat(suite.services()).hasSize(5);
        for (ServiceProcess service : suite.services().values()) {
            given().baseUri(service.url()).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri(service.url()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
            given().baseUri(service.url()).get("/q/swagger-ui/").then().statusCode(200);
        }
    }

    @Test
    void inProductionAMalformedRequestIsAProblemNamingThePartEvenAsAConnectionsFirstRequest() throws Exception {
        // issue 17: the packaged service in the prod profile takes over the codec's syntax checks (HttpCodecDefaults)
        java.net.URI base = java.net.URI.create(registryWithoutDevKey.url());
        var http = new com.poly.daas.testsupport.fuzz.RawHttp(base.getHost(), base.getPort());
        var header = http.send("GET", "/models", java.util.List.of(
                new com.poly.daas.testsupport.fuzz.RawHttp.Header("Idempotency-Key", "a\u0001b")), null, -1);
        assertThat(header.status()).isEqualTo(400);
        assertThat(header.header("Content-Type")).startsWith("application/problem+json");
        assertThat(header.bodyText()).contains("\"field\":\"Idempotency-Key\"");
        var target = http.send("GET", "/models/%ZZ", java.util.List.of(), null, -1);
        assertThat(target.status()).isEqualTo(400);
        assertThat(target.header("Content-Type")).startsWith("application/problem+json");
        assertThat(target.bodyText()).contains("\"field\":\"path\"");
    }

    @Test
    void theProductionProfileRefusesToStartOnADemoClock() throws Exception {
        // issue 14: a movable (or shifted) clock only exists in the demo profile; production stops at start-up
        for (Map<String, String> demoInProduction : java.util.List.of(Map.of("DAAS_DEMO_ENABLED", "true"),
                Map.of("DAAS_CLOCK_OFFSET", "P30D"))) {
            try (ServiceProcess refused = ServiceProcess.start(running.root, "device-registry-service", Infrastructure.freePort(),
                    running.infrastructure.endpoints(), null, running.dir.resolve("logs-demo-in-prod"), demoInProduction)) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> refused.awaitReady(Duration.ofMinutes(2)))
                        .hasMessageContaining("exited").hasMessageContaining("demo");
            }
        }
    }
}
