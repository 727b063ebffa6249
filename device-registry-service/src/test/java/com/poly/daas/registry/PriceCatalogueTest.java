package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A4, B2: the price catalogue per price list, append-only history, the price in force on a date. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PriceCatalogueTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-1");
    }
    @Inject
    EntityManager em;

    static String price(String list, String amount, String currency, String from) {
        return """
                {"priceList":"%s","price":{"amount":"%s","currency":"%s"},"validFrom":"%s"}""".formatted(list, amount, currency, from);
    }

    static void publish(String sku, String body, int status) {
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(body)
                .post("/models/" + sku + "/prices").then().statusCode(status);
    }

    @Test
    void A4_thePriceInForceOnADateIsAQueryAndANewPriceClosesThePreviousOneWithoutRewritingIt() {
        String sku = Fixtures.model("DESK_PHONE");
        publish(sku, price("NA-USD", "349.00", "USD", "2026-01-01"), 201);
        publish(sku, price("NA-USD", "329", "USD", "2026-07-01"), 201);
        publish(sku, price("EMEA-EUR", "319.00", "EUR", "2026-01-01"), 201);

        given().header("Authorization", Tokens.partner("P-1")).queryParam("priceList", "NA-USD").queryParam("on", "2026-06-30")
                .get("/models/" + sku + "/prices/in-force").then().statusCode(200)
                .body("price.amount", equalTo("349.00")).body("price.currency", equalTo("USD"))
                .body("region", equalTo("NORTH_AMERICA")).body("validUntil", equalTo("2026-06-30"));
        given().header("Authorization", Tokens.service()).queryParam("priceList", "NA-USD").queryParam("on", "2026-07-01")
                .get("/models/" + sku + "/prices/in-force").then().statusCode(200)
                .body("price.amount", equalTo("329.00")).body("validUntil", nullValue());
        given().header("Authorization", Tokens.service()).queryParam("priceList", "NA-USD").queryParam("on", "2025-12-31")
                .get("/models/" + sku + "/prices/in-force").then().statusCode(404).body("rule", equalTo("A4"));
        given().header("Authorization", Tokens.service()).queryParam("priceList", "NA-CAD")
                .get("/models/" + sku + "/prices/in-force").then().statusCode(404);

        given().header("Authorization", Tokens.agent()).get("/models/" + sku + "/prices").then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.findAll { it.priceList == 'NA-USD' }.price.amount", equalTo(List.of("349.00", "329.00")))
                .body("items.findAll { it.priceList == 'NA-USD' }.validUntil", equalTo(java.util.Arrays.asList("2026-06-30", null)));

        List<EventEnvelope> events = TopicProbe.events(Topics.REGISTRY_MODELS, sku, 4, Duration.ofSeconds(20));
        List<EventEnvelope> prices = events.stream().filter(e -> e.type().equals("ModelPriceChanged")).toList();
        assertThat(prices).hasSize(3);
        assertThat(prices.get(1).payload().get("price").get("amount").asText()).isEqualTo("329.00");
        assertThat(prices.get(1).payload().get("validFrom").asText()).isEqualTo("2026-07-01");
        assertThat(prices.get(2).payload().get("region").asText()).isEqualTo("EMEA");
    }

    @Test
    void A4_historyIsAppendOnlyEvenForTheDatabaseItself() {
        String sku = Fixtures.model("HEADSET");
        publish(sku, price("EMEA-GBP", "99.00", "GBP", "2026-01-01"), 201);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("EMEA-GBP", "89.00", "GBP", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(422).body("rule", equalTo("A4"))
                .body("errors.field", hasItem("validFrom"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("EMEA-GBP", "89.00", "GBP", "2025-06-01"))
                .post("/models/" + sku + "/prices").then().statusCode(422).body("errors.field", hasItem("validFrom"));
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("update model_price set amount = 1 where sku = ?1").setParameter(1, sku).executeUpdate()));
        assertThat(refused).isNotNull();
        given().header("Authorization", Tokens.agent()).get("/models/" + sku + "/prices").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].price.amount", equalTo("99.00"));
    }

    @Test
    void A4_aCurrencyForeignToThePriceListsRegionIsAProblemNamingTheFieldAndChangesNothing() {
        String sku = Fixtures.model("VIDEO");
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("NA-USD", "100.00", "EUR", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("A4")).body("errors.field", hasItem("price.currency"))
                .body("detail", containsString("EUR is not a currency of region NORTH_AMERICA"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("NA-USD", "100.00", "CAD", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(422).body("errors.field", hasItem("price.currency"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("APAC-JPY", "100.00", "JPY", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(400).body("errors.field", hasItem("priceList"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("NA-USD", "-1.00", "USD", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(400).body("errors.field", hasItem("price.amount"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(price("NA-USD", "1.00", "USD", "2026-01-01"))
                .post("/models/NOPE-" + sku + "/prices").then().statusCode(404);
        given().header("Authorization", Tokens.partner("P-1")).contentType(ContentType.JSON).body(price("NA-USD", "1.00", "USD", "2026-01-01"))
                .post("/models/" + sku + "/prices").then().statusCode(403);
        given().header("Authorization", Tokens.agent()).get("/models/" + sku + "/prices").then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.agent()).queryParam("priceList", "NA-USD").queryParam("on", "yesterday")
                .get("/models/" + sku + "/prices/in-force").then().statusCode(400).body("errors.field", hasItem("on"));
        given().header("Authorization", Tokens.agent()).get("/models/" + sku + "/prices/in-force")
                .then().statusCode(400).body("errors.field", hasItem("priceList"));
        given().header("Authorization", Tokens.agent()).get("/price-lists").then().statusCode(200)
                .body("id", equalTo(List.of("NA-USD", "NA-CAD", "EMEA-EUR", "EMEA-GBP")));
    }

    @Test
    void E3_anAdminUpdateOfNameFamilyAndEligibilityNeedsIfMatchAndPublishesModelCataloguedAgain() {
        String sku = Fixtures.model("DESK_PHONE");
        String update = """
                {"name":"Poly CCX 505","family":"CCX","daasEligible":false}""";
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(update).put("/models/" + sku)
                .then().statusCode(428);
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"3\"").contentType(ContentType.JSON).body(update)
                .put("/models/" + sku).then().statusCode(412);
        given().header("Authorization", Tokens.partner("P-1")).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(update)
                .put("/models/" + sku).then().statusCode(403);
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"family\":\"CCX\",\"daasEligible\":false}").put("/models/" + sku)
                .then().statusCode(400).body("errors.field", hasItem("name"));
        given().header("Authorization", Tokens.admin()).get("/models/" + sku).then().body("name", equalTo("Poly test phone"));

        given().header("Authorization", Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(update)
                .put("/models/" + sku).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Poly CCX 505")).body("daasEligible", equalTo(false)).body("enrollable", equalTo(false))
                .body("voice", equalTo(true));
        List<EventEnvelope> events = TopicProbe.events(Topics.REGISTRY_MODELS, sku, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ModelCatalogued", "ModelCatalogued");
        assertThat(events.get(1).payload().get("daasEligible").asBoolean()).isFalse();
        assertThat(events.get(1).payload().get("name").asText()).isEqualTo("Poly CCX 505");
    }

    @Test
    void P5_P6_announcementDatesInTheWrongOrderAreRefusedNamingTheFieldAndChangeNothing() {
        String sku = Fixtures.model("CONFERENCE_PHONE");
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"announcedOn\":\"2027-05-01\",\"effectiveOn\":\"2026-11-02\"}")
                .post("/models/" + sku + "/end-of-sale").then().statusCode(400).body("errors.field", hasItem("effectiveOn"));
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"announcedOn\":\"2027-05-01\",\"effectiveOn\":\"2026-11-02\"}")
                .post("/models/" + sku + "/end-of-support").then().statusCode(400).body("errors.field", hasItem("effectiveOn"));
        given().header("Authorization", Tokens.admin()).get("/models/" + sku).then().statusCode(200).header("ETag", "\"0\"")
                .body("endOfSaleAnnouncedOn", nullValue()).body("endOfSupportAnnouncedOn", nullValue()).body("enrollable", equalTo(true));
    }

    @Test
    void modelsAreSearchedByFamilyVoiceEnrollabilityAndText() {
        String family = "F" + Fixtures.sku();
        String voice = Fixtures.sku();
        String video = Fixtures.sku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + voice + "\",\"name\":\"Poly Zebra phone\",\"family\":\"" + family + "\",\"category\":\"DESK_PHONE\",\"daasEligible\":true}")
                .post("/models").then().statusCode(201);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + video + "\",\"name\":\"Poly Zebra bar\",\"family\":\"" + family + "\",\"category\":\"VIDEO\",\"daasEligible\":false}")
                .post("/models").then().statusCode(201);
        given().header("Authorization", Tokens.partner("P-1")).queryParam("family", family).get("/models")
                .then().statusCode(200).body("items.sku", equalTo(List.of(voice, video).stream().sorted().toList()));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("family", family).queryParam("voice", true).get("/models")
                .then().body("items.sku", equalTo(List.of(voice)));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("family", family).queryParam("enrollable", false).get("/models")
                .then().body("items.sku", equalTo(List.of(video)));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("q", "zebra BAR").get("/models")
                .then().body("items.sku", hasItem(video)).body("items.sku", org.hamcrest.Matchers.not(hasItem(voice)));
    }
}
