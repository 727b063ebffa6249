package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.Topics;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ModelCatalogueTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-1");
    }

    static String newSku() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static String modelJson(String sku, String category) {
        return """
                {"sku":"%s","name":"Poly test phone","family":"CCX","category":"%s","daasEligible":true}""".formatted(sku, category);
    }

    @Test
    void E3_voiceFlagIsDerivedFromTheCategoryAndTheModelIsReadBackWithItsETag() {
        String sku = newSku();
        given().auth().none().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(modelJson(sku, "HEADSET"))
                .when().post("/models")
                .then().statusCode(201)
                .header("Location", containsString("/models/" + sku))
                .header("ETag", notNullValue())
                .body("voice", equalTo(true)).body("enrollable", equalTo(true));

        String video = newSku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(modelJson(video, "VIDEO"))
                .post("/models").then().statusCode(201).body("voice", equalTo(false));

        given().header("Authorization", Tokens.partner("P-1")).get("/models/" + sku)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("sku", equalTo(sku));
    }

    @Test
    void P6_endOfSaleAnnouncementIsPublishedThroughTheOutboxAndCannotBeReverted() {
        String sku = newSku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(modelJson(sku, "DESK_PHONE"))
                .post("/models").then().statusCode(201);
        String announcement = """
                {"announcedOn":"2026-11-02","effectiveOn":"2027-05-01"}""";

        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(announcement)
                .post("/models/" + sku + "/end-of-sale")
                .then().statusCode(428).contentType("application/problem+json");
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"7\"").contentType(ContentType.JSON).body(announcement)
                .post("/models/" + sku + "/end-of-sale")
                .then().statusCode(412).contentType("application/problem+json");
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"0\"").contentType(ContentType.JSON).body(announcement)
                .post("/models/" + sku + "/end-of-sale")
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("enrollable", equalTo(false)).body("endOfSaleAnnouncedOn", equalTo("2026-11-02"));
        given().header("Authorization", Tokens.admin()).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"announcedOn\":\"2026-12-01\",\"effectiveOn\":\"2027-06-01\"}")
                .post("/models/" + sku + "/end-of-sale")
                .then().statusCode(409).body("rule", equalTo("P6"));

        List<EventEnvelope> events = TopicProbe.events(Topics.REGISTRY_MODELS, sku, 2, Duration.ofSeconds(20));
        assertThat(events).extracting(EventEnvelope::type).containsExactly("ModelCatalogued", "ModelEndOfSaleAnnounced");
        assertThat(events.get(1).payload().get("announcedOn").asText()).isEqualTo("2026-11-02");
        assertThat(events.get(1).producer()).isEqualTo("device-registry-service");
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesAnotherBody() {
        String sku = newSku();
        String key = UUID.randomUUID().toString();
        String first = given().header("Authorization", Tokens.admin()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(modelJson(sku, "HEADSET"))
                .post("/models").then().statusCode(201).extract().asString();
        given().header("Authorization", Tokens.admin()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(modelJson(sku, "HEADSET"))
                .post("/models").then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", containsString("/models/" + sku))
                .body(equalTo(first));
        given().header("Authorization", Tokens.admin()).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(modelJson(newSku(), "HEADSET"))
                .post("/models").then().statusCode(422).body("type", containsString("idempotency-key-reused"));
        // without the key the duplicate SKU is a plain conflict
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(modelJson(sku, "HEADSET"))
                .post("/models").then().statusCode(409).body("errors.field", hasItem("sku"));
    }

    @Test
    void badInputGetsAProblemNamingTheFieldAndChangesNothing() {
        String sku = newSku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"\",\"family\":\"CCX\",\"category\":\"DESK_PHONE\",\"daasEligible\":true}")
                .post("/models")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://problems.daas.poly.com/validation-failed"))
                .body("errors.field", hasItem("name"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"x\",\"family\":\"CCX\",\"category\":\"TOASTER\",\"daasEligible\":true}")
                .post("/models")
                .then().log().ifValidationFails().statusCode(400).body("errors.field", hasItem("category"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"sku\":\"" + sku + "\",\"name\":\"x\",\"family\":\"CCX\",\"category\":\"VIDEO\",\"daasEligible\":true,\"price\":3}")
                .post("/models")
                .then().statusCode(400).body("errors.field", hasItem("price"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body("{\"sku\": ")
                .post("/models")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("JSON"));
        given().header("Authorization", Tokens.admin()).get("/models/" + sku).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownRoutesAndRefusedCallersGetProblemBodies() {
        given().header("Authorization", Tokens.admin()).get("/no-such-thing")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/models").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().header("Authorization", Tokens.expired("P-1")).get("/models").then().statusCode(401);
        given().header("Authorization", Tokens.endUser("P-1")).get("/models")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", Tokens.partner("P-1")).contentType(ContentType.JSON).body(modelJson(newSku(), "VIDEO"))
                .post("/models").then().statusCode(403);
    }

    @Test
    void listsArePagedWithAnOpaqueCursorAndANextLink() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(modelJson(newSku(), "ACCESSORY"))
                    .post("/models").then().statusCode(201);
        }
        var first = given().header("Authorization", Tokens.agent()).queryParam("category", "ACCESSORY").queryParam("limit", 2)
                .get("/models").then().statusCode(200).body("items", hasSize(2)).body("next", notNullValue())
                .extract().jsonPath();
        String cursor = first.getString("cursor");
        String lastOfFirst = first.getString("items[1].sku");
        given().header("Authorization", Tokens.agent()).queryParam("category", "ACCESSORY").queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/models").then().statusCode(200)
                .body("items[0].sku", org.hamcrest.Matchers.greaterThan(lastOfFirst));
        given().header("Authorization", Tokens.agent()).queryParam("cursor", "garbage!").get("/models")
                .then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().header("Authorization", Tokens.agent()).queryParam("limit", 500).get("/models")
                .then().statusCode(400).body("errors.field", hasItem("limit"));
        given().header("Authorization", Tokens.agent()).queryParam("category", "HEADSET").queryParam("limit", 200).get("/models")
                .then().statusCode(200).body("next", nullValue());
    }
}
