package com.poly.daas.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.poly.daas.devstack.DevTokens;
import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.devstack.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The five packaged services, each its own process, as ./daas run starts them. A registry event crossing to contract-service through the real broker, both services packaged and running as
 * separate processes: catalogue a model, see contract-service learn it; announce end-of-sale (P6), see enrolment stop.
 */
class SuiteJourneyTest {
    static Path dir;
    static Infrastructure infrastructure;
    static Suite suite;
    static ServiceProcess registry;
    static ServiceProcess contracts;
    /** The registry as production runs it: no key configured but the identity provider's. */
    static ServiceProcess registryWithoutDevKey;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("daas-system-");
        dir.toFile().setExecutable(true, false);
        dir.toFile().setReadable(true, false);
        infrastructure = Infrastructure.start(dir, true, 0, 0);
        Path key = dir.resolve("dev-public.pem");
        Files.writeString(key, DevTokens.publicKeyPem());
        Path root = Path.of("..").toAbsolutePath().normalize();
        registryWithoutDevKey = ServiceProcess.start(root, "device-registry-service", Infrastructure.freePort(),
                infrastructure.endpoints(), null, dir.resolve("logs-prod"), Map.of());
        suite = Suite.start(root, infrastructure.endpoints(), Suite.freePorts(), key, dir.resolve("logs"),
                Map.of("DAAS_BLOB_DIR", dir.resolve("blobs").toString()), Duration.ofMinutes(3));
        registry = suite.service("device-registry-service");
        contracts = suite.service("contract-service");
        registryWithoutDevKey.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
        if (registryWithoutDevKey != null) {
            registryWithoutDevKey.close();
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
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
}
