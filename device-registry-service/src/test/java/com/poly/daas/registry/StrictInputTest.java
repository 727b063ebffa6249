package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.fuzz.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Strict input (docs/api-conventions.md): each bad input a partner ERP could send is a 4xx problem naming the field,
 * and the read after it proves that nothing changed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class StrictInputTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.knownCustomer("P-A", "CU-1");
    }
    private static final String PROBLEM = "application/problem+json";

    private static RawHttp raw() {
        return new RawHttp("localhost", RestAssured.port);
    }

    private static void notRegistered(String serial) {
        given().header("Authorization", Tokens.agent()).get("/devices/" + serial).then().statusCode(404);
    }

    private static void refusedRegistration(String body, String field) {
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).body(body).post("/devices")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field));
    }

    @Test
    void aNumberIsNotADate() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        refusedRegistration("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-1\",\"deliveredOn\":12345}", "deliveredOn");
        notRegistered(serial);

        Fixtures.device("P-A", serial, sku, "CU-1", null);
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":12345}").put("/devices/" + serial + "/delivery")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("deliveredOn"))
                .body("detail", containsString("date"));
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"deliveredOn\":\"2026-02-30\"}").put("/devices/" + serial + "/delivery")
                .then().statusCode(400).body("errors.field", hasItem("deliveredOn"));
        given().header("Authorization", Tokens.partner("P-A")).get("/devices/" + serial)
                .then().statusCode(200).header("ETag", "\"0\"").body("deliveredOn", nullValue());
    }

    @Test
    void aNumberIsNotAStringAndNothingFollowsTheBody() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        refusedRegistration("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":20931}", "customerId");
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON)
                .body(Fixtures.deviceJson(serial, sku, "CU-1", null) + " {\"serial\":\"X\"}").post("/devices")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("after the JSON value"));
        notRegistered(serial);
    }

    @Test
    void oneIsNotTrue() {
        String sku = Fixtures.model("DESK_PHONE");
        String etag = given().header("Authorization", Tokens.admin()).get("/models/" + sku).then().statusCode(200).extract().header("ETag");
        given().header("Authorization", Tokens.admin()).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"name\":\"Renamed\",\"family\":\"CCX\",\"daasEligible\":0}").put("/models/" + sku)
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("daasEligible"))
                .body("errors.message", hasItem("must be true or false, not 0"));
        given().header("Authorization", Tokens.admin()).get("/models/" + sku).then().statusCode(200)
                .header("ETag", etag).body("name", equalTo("Poly test phone")).body("daasEligible", equalTo(true));
    }

    @Test
    void B1_aMoneyAmountIsAPlainDecimalString() {
        String sku = Fixtures.model("DESK_PHONE");
        for (String amount : List.of("\"1e3\"", "1000", "\"1,000.00\"", "\" 12.50\"")) {
            given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                    .body("{\"priceList\":\"NA-USD\",\"price\":{\"amount\":" + amount + ",\"currency\":\"USD\"},\"validFrom\":\"2027-01-01\"}")
                    .post("/models/" + sku + "/prices")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("price.amount"));
        }
        given().header("Authorization", Tokens.agent()).get("/models/" + sku + "/prices").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRefusedInBodiesPathsAndQueries() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        refusedRegistration("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU\\u00001\"}", "customerId");
        refusedRegistration("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU\\ud800\"}", "customerId");
        notRegistered(serial);

        given().header("Authorization", Tokens.agent()).urlEncodingEnabled(false).get("/devices/AB%00CD")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("serial"))
                .body("instance", equalTo("/devices/AB\uFFFDCD"));
        given().header("Authorization", Tokens.agent()).urlEncodingEnabled(false).get("/devices?customerId=CU%001")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("customerId"));
        given().header("Authorization", Tokens.agent()).urlEncodingEnabled(false).get("/devices?customerId=CU%1B1")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("customerId"));
    }

    @Test
    void freeTextMayHoldLineBreaksAndTabs() {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        Fixtures.device("P-A", serial, sku, "CU-1", "2026-10-01");
        given().header("Authorization", Tokens.partner("P-A")).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"status\":\"IN_SERVICE\",\"reason\":\"room 4.12\\n\\tdesk 3\"}").post("/devices/" + serial + "/status")
                .then().statusCode(200);
    }

    @Test
    void aControlCharacterInIdempotencyKeyIsAProblemAndCreatesNothing() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        byte[] body = Fixtures.deviceJson(serial, sku, "CU-1", null).getBytes(StandardCharsets.UTF_8);
        List<RawHttp.Header> c1 = List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")),
                new RawHttp.Header("Content-Type", "application/json"), new RawHttp.Header("Idempotency-Key", "key\u0085x"));
        RawHttp.Response refused = raw().send("POST", "/devices", c1, body, -1);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith(PROBLEM);
        assertThat(refused.bodyText()).contains("\"field\":\"Idempotency-Key\"");

        // C0 controls: a problem naming the header, on an established connection and on a connection's first request
        List<RawHttp.Header> c0 = List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")),
                new RawHttp.Header("Content-Type", "application/json"), new RawHttp.Header("Idempotency-Key", "key\u0001x"));
        RawHttp.Response established = raw().sendOnEstablishedConnection("/q/health/live", "POST", "/devices", c0, body);
        assertThat(established.status()).isEqualTo(400);
        assertThat(established.header("Content-Type")).startsWith(PROBLEM);
        RawHttp.Response first = raw().send("POST", "/devices", c0, body, -1);
        assertThat(first.status()).isEqualTo(400);
        assertThat(first.header("Content-Type")).startsWith(PROBLEM);
        assertThat(first.bodyText()).contains("\"field\":\"Idempotency-Key\"").contains("U+0001");
        notRegistered(serial);
    }

    @Test
    void aNulInAHeaderOrAHeaderNameThatIsNotATokenIsAProblemOnAFirstRequest() throws Exception {
        RawHttp.Response nul = raw().send("GET", "/devices",
                List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")), new RawHttp.Header("X-Trace", "a\u0000b")),
                null, -1);
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).startsWith(PROBLEM);
        assertThat(nul.bodyText()).contains("\"field\":\"X-Trace\"").contains("NUL");

        RawHttp.Response name = raw().send("GET", "/devices",
                List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")), new RawHttp.Header("X\u0001Trace", "b")),
                null, -1);
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.header("Content-Type")).startsWith(PROBLEM);
        assertThat(name.bodyText()).contains("\"field\":\"XU+0001Trace\"");
    }

    @Test
    void aBrokenPercentEscapeIsAProblemNamingThePartAndChangesNothing() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        byte[] body = Fixtures.deviceJson(serial, sku, "CU-1", null).getBytes(StandardCharsets.UTF_8);
        List<RawHttp.Header> headers = List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")),
                new RawHttp.Header("Content-Type", "application/json"));
        RawHttp.Response path = raw().send("POST", "/devices%ZZ", headers, body, -1);
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.header("Content-Type")).startsWith(PROBLEM);
        assertThat(path.bodyText()).contains("\"field\":\"path\"");
        RawHttp.Response query = raw().send("GET", "/devices?limit=5&serial=%G1", headers.subList(0, 1), null, -1);
        assertThat(query.status()).isEqualTo(400);
        assertThat(query.header("Content-Type")).startsWith(PROBLEM);
        assertThat(query.bodyText()).contains("\"field\":\"query\"");
        notRegistered(serial);
    }

    @Test
    void aBodyWithoutContentTypeIsRefusedAfterTheRoleCheck() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        RawHttp.Response noType = raw().send("POST", "/devices", List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A"))),
                Fixtures.deviceJson(serial, sku, "CU-1", null).getBytes(StandardCharsets.UTF_8), -1);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(noType.header("Content-Type")).startsWith(PROBLEM);
        assertThat(noType.bodyText()).contains("\"field\":\"Content-Type\"");
        given().header("Authorization", Tokens.partner("P-A")).contentType("text/plain").body(Fixtures.deviceJson(serial, sku, "CU-1", null))
                .post("/devices").then().statusCode(415).contentType(PROBLEM);
        // without a token the missing Content-Type is not even looked at
        RawHttp.Response anonymous = raw().send("POST", "/devices", List.of(), "{}".getBytes(StandardCharsets.UTF_8), -1);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith(PROBLEM);
        notRegistered(serial);
    }

    @Test
    void aDocumentUploadSentAsJsonIsNotStored() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        for (String type : List.of("application/json", "application/merge-patch+json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")) {
            RawHttp.Response refused = raw().send("POST", "/documents?sku=" + sku + "&kind=FIRMWARE&title=UC&version=8.1.3&releasedOn=2026-09-30&fileName=ccx.zip",
                    List.of(new RawHttp.Header("Authorization", Tokens.admin()), new RawHttp.Header("Content-Type", type)),
                    "{\"title\":\"UC Software\"}".getBytes(StandardCharsets.UTF_8), -1);
            assertThat(refused.status()).as(type).isEqualTo(415);
            assertThat(refused.header("Content-Type")).startsWith(PROBLEM);
            assertThat(refused.bodyText()).contains("\"field\":\"Content-Type\"");
        }
        // the role check answers first: a partner learns 403, not the media-type rule
        given().header("Authorization", Tokens.partner("P-A")).contentType("application/json").body("{}")
                .queryParam("sku", sku).post("/documents").then().statusCode(403).contentType(PROBLEM);
        given().header("Authorization", Tokens.partner("P-A")).queryParam("sku", sku).get("/documents")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedLimitOrCursorIsA400NamingItOnEveryList() {
        for (String list : List.of("/devices", "/models", "/licences", "/spare-parts", "/documents", "/audit-entries")) {
            given().header("Authorization", Tokens.admin()).queryParam("limit", "abc").get(list)
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("limit"));
            given().header("Authorization", Tokens.admin()).queryParam("limit", "0").get(list)
                    .then().statusCode(400).body("errors.field", hasItem("limit"));
            given().header("Authorization", Tokens.admin()).queryParam("cursor", "!!!").get(list)
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
        }
        // a cursor that decodes but is not an (instant, id) key: it never reaches SQL
        given().header("Authorization", Tokens.admin()).queryParam("cursor", "djE6eHh4fHl5eQ").get("/audit-entries")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("cursor"));
    }

    @Test
    void oversizedUrlsHeadersAndBodiesAnswerWithAProblem() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        List<RawHttp.Header> auth = List.of(new RawHttp.Header("Authorization", Tokens.partner("P-A")));
        RawHttp.Response url = raw().send("GET", "/devices?customerId=" + "a".repeat(9_000), auth, null, -1);
        assertThat(url.status()).isEqualTo(414);
        assertThat(url.header("Content-Type")).startsWith(PROBLEM);

        RawHttp.Response headers = raw().send("GET", "/devices", List.of(auth.get(0), new RawHttp.Header("X-Pad", "a".repeat(20_000))), null, -1);
        assertThat(headers.status()).isEqualTo(431);
        assertThat(headers.header("Content-Type")).startsWith(PROBLEM);

        String serial = Fixtures.serial();
        RawHttp.Response body = raw().send("POST", "/devices", List.of(auth.get(0), new RawHttp.Header("Content-Type", "application/json")),
                Fixtures.deviceJson(serial, sku, "CU-1", null).getBytes(StandardCharsets.UTF_8), 9L * 1024 * 1024);
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.header("Content-Type")).startsWith(PROBLEM);
        notRegistered(serial);
    }

    @Test
    void corsPreflightFromAnAllowedPortalOriginAndRefusalOfOthers() {
        String portal = "https://portal.test.daas.local";
        given().header("Origin", portal).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization, if-match, idempotency-key, content-type")
                .options("/devices/SN1/delivery")
                .then().statusCode(204).header("Access-Control-Allow-Origin", portal)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("Content-Type"));
        given().header("Origin", portal).header("Authorization", Tokens.agent()).get("/models")
                .then().statusCode(200).header("Access-Control-Allow-Origin", portal)
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Location"));

        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/devices").then().statusCode(403).contentType(PROBLEM)
                .header("Access-Control-Allow-Origin", nullValue()).body("type", startsWith("https://problems.daas.poly.com/cors"));
        given().header("Origin", portal).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-debug").options("/devices")
                .then().statusCode(403).contentType(PROBLEM).body("errors.field", hasItem("Access-Control-Request-Headers"));
        given().header("Origin", "https://evil.example").header("Authorization", Tokens.agent()).get("/models")
                .then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
