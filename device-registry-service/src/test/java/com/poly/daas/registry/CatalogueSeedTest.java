package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.poly.daas.registry.service.CatalogueSeed;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The dev/local seed catalogue: published through the outbox and safe to run on every start. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class CatalogueSeedTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-1");
    }
    @Inject
    CatalogueSeed seed;
    @Inject
    EntityManager em;

    @Test
    void seedingTwiceAddsNothingTheSecondTimeAndEveryFactWentThroughTheOutbox() throws Exception {
        startUpWithSeedEnabled();
        long events = outboxEventsOfSeedModels();
        assertThat(seed.seed()).isZero();
        assertThat(outboxEventsOfSeedModels()).as("idempotent: no new event").isEqualTo(events);
        // for these 5 models: 5 ModelCatalogued + 20 ModelPriceChanged + 1 ModelEndOfSaleAnnounced
        assertThat(events).isEqualTo(26);

        given().header("Authorization", Tokens.partner("P-1")).queryParam("limit", 200).get("/models")
                .then().statusCode(200).body("items.sku", hasItem("CCX-500")).body("items.sku", hasItem("STUDIO-X50"));
        given().header("Authorization", Tokens.partner("P-1")).get("/models/" + CatalogueSeed.END_OF_SALE_SKU)
                .then().body("enrollable", equalTo(false));
        given().header("Authorization", Tokens.partner("P-1")).get("/models/STUDIO-X50").then().body("voice", equalTo(false));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("priceList", "EMEA-GBP").queryParam("on", "2026-06-01")
                .get("/models/CCX-500/prices/in-force").then().statusCode(200).body("price.currency", equalTo("GBP"));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("sku", "CCX-500").get("/spare-parts")
                .then().statusCode(200).body("items.partNumber", hasItem("2200-49700-001"));
        String document = given().header("Authorization", Tokens.partner("P-1")).queryParam("sku", "CCX-500").queryParam("kind", "RELEASE_NOTES")
                .get("/documents").then().statusCode(200).body("items[0].version", equalTo("8.1.3")).extract().path("items[0].id");
        given().header("Authorization", Tokens.partner("P-1")).get("/documents/" + document + "/content").then().statusCode(200)
                .body(org.hamcrest.Matchers.startsWith("Poly UC Software 8.1.3"));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("voice", "maybe").get("/models")
                .then().statusCode(400).body("errors.field", hasItem("voice"));
    }

    /** As at application start: the startup observer, on a thread without a request context, with the flag on. */
    private void startUpWithSeedEnabled() throws Exception {
        CatalogueSeed instance = io.quarkus.arc.ClientProxy.unwrap(seed);
        java.lang.reflect.Field enabled = CatalogueSeed.class.getDeclaredField("enabled");
        enabled.setAccessible(true);
        enabled.set(instance, true);
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread start = new Thread(() -> {
            try {
                seed.onStart(null);
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "startup-simulation");
        try {
            start.start();
            start.join(60_000);
        } finally {
            enabled.set(instance, false);
        }
        assertThat(failure.get()).as("seeding at start-up").isNull();
    }

    private long outboxEventsOfSeedModels() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from outbox_event where aggregatetype = 'Model' and aggregateid in ('CCX-400','CCX-500','VVX-150','STUDIO-X50','TC8')")
                .getSingleResult()).longValue());
    }
}
