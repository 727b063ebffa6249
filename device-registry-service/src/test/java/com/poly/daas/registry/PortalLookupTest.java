package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Portal look-ups: licences (partner-owned), spare parts and documents/software (catalogue, with real downloads). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PortalLookupTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-1");
        ProgrammeFacts.known("P-OUTSIDER");
    }

    static String licenceJson(String key, String partner, String customer, String serial, String entitlement, String from, String until) {
        return "{\"licenceKey\":\"" + key + "\",\"product\":\"Poly Lens Pro\",\"partnerId\":\"" + partner + "\",\"customerId\":\"" + customer + "\""
                + (serial == null ? "" : ",\"deviceSerial\":\"" + serial + "\"")
                + (entitlement == null ? "" : ",\"entitlementId\":\"" + entitlement + "\"")
                + ",\"seats\":1,\"validFrom\":\"" + from + "\"" + (until == null ? "" : ",\"validUntil\":\"" + until + "\"") + "}";
    }

    static String licenceKey() {
        return "LIC-" + Fixtures.serial();
    }

    @Test
    void licencesAreLookedUpByKeyOrDeviceSerialAndOnlyByTheirPartner() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("VIDEO");
        String serial = Fixtures.serial();
        String cu9 = Fixtures.customer(partner);
        Fixtures.device(partner, serial, sku, cu9, null);
        String onDevice = licenceKey();
        String onEntitlement = licenceKey();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(licenceJson(onDevice, partner, cu9, serial, null, "2026-10-01", "2029-09-30")).post("/licences")
                .then().statusCode(201).body("deviceSerial", equalTo(serial));
        given().header("Authorization", Tokens.service()).contentType(ContentType.JSON)
                .body(licenceJson(onEntitlement, partner, cu9, null, "ENT-1", "2026-10-01", null)).post("/licences")
                .then().statusCode(201);

        given().header("Authorization", Tokens.partner(partner)).queryParam("serial", serial).get("/licences")
                .then().statusCode(200).body("items.licenceKey", equalTo(List.of(onDevice)));
        given().header("Authorization", Tokens.partner(partner)).get("/licences/" + onEntitlement)
                .then().statusCode(200).body("entitlementId", equalTo("ENT-1"));
        given().header("Authorization", Tokens.partner(partner)).queryParam("key", onDevice).get("/licences")
                .then().body("items", hasSize(1));
        given().header("Authorization", Tokens.partner("P-OUTSIDER")).get("/licences/" + onDevice).then().statusCode(404);
        given().header("Authorization", Tokens.partner("P-OUTSIDER")).queryParam("serial", serial).get("/licences")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON)
                .body(licenceJson(licenceKey(), partner, cu9, serial, null, "2026-10-01", null)).post("/licences").then().statusCode(403);
    }

    @Test
    void badLicencesAreRefusedNamingTheFieldAndChangeNothing() {
        String partner = Fixtures.partner();
        String sku = Fixtures.model("HEADSET");
        String serial = Fixtures.serial();
        String cu9 = Fixtures.customer(partner);
        Fixtures.device(partner, serial, sku, cu9, null);
        String key = licenceKey();
        record Case(String body, int status, String field) {
        }
        for (Case c : List.of(
                new Case(licenceJson(key, partner, cu9, serial, null, "2026-10-01", "2026-09-30"), 400, "validUntil"),
                new Case(licenceJson(key, partner, cu9, serial, "ENT-1", "2026-10-01", null), 400, "deviceSerial"),
                new Case(licenceJson(key, partner, cu9, null, null, "2026-10-01", null), 400, "deviceSerial"),
                // issue 9: a partner the programme does not know, a customer that is not the partner's
                new Case(licenceJson(key, "P-UNKNOWN-" + serial, cu9, serial, null, "2026-10-01", null), 422, "partnerId"),
                new Case(licenceJson(key, partner, "CU-OTHER", serial, null, "2026-10-01", null), 422, "customerId"),
                new Case(licenceJson(key, partner, Fixtures.customer(partner), serial, null, "2026-10-01", null), 400, "customerId"),
                new Case(licenceJson("bad key", partner, cu9, serial, null, "2026-10-01", null), 400, "licenceKey"))) {
            given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(c.body()).post("/licences")
                    .then().statusCode(c.status()).body("errors.field", hasItem(c.field()));
        }
        given().header("Authorization", Tokens.agent()).get("/licences/" + key).then().statusCode(404);
        given().header("Authorization", Tokens.agent()).queryParam("serial", serial).get("/licences").then().body("items", hasSize(0));
    }

    @Test
    void sparePartsAreFoundByModelAndOnlyAdminsAddThem() {
        String sku = Fixtures.model("CONFERENCE_PHONE");
        String other = Fixtures.model("CONFERENCE_PHONE");
        String part = "2200-" + Fixtures.serial();
        String body = "{\"partNumber\":\"" + part + "\",\"name\":\"Trio microphone pod\",\"listPrice\":{\"amount\":\"149.00\",\"currency\":\"USD\"},"
                + "\"compatibleSkus\":[\"" + sku + "\",\"" + other + "\"]}";
        given().header("Authorization", Tokens.partner("P-1")).contentType(ContentType.JSON).body(body).post("/spare-parts").then().statusCode(403);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(body.replace(other, "NOPE-" + other)).post("/spare-parts").then().statusCode(400)
                .body("errors.field", hasItem("compatibleSkus[1]"));
        given().header("Authorization", Tokens.agent()).get("/spare-parts/" + part).then().statusCode(404);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(body).post("/spare-parts")
                .then().statusCode(201).body("listPrice.amount", equalTo("149.00"));
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON).body(body).post("/spare-parts").then().statusCode(409);

        given().header("Authorization", Tokens.partner("P-1")).queryParam("sku", other).get("/spare-parts")
                .then().statusCode(200).body("items.partNumber", equalTo(List.of(part)))
                .body("items[0].compatibleSkus", equalTo(List.of(sku, other).stream().sorted().toList()));
        given().header("Authorization", Tokens.partner("P-1")).queryParam("q", "MICROPHONE POD").queryParam("limit", 200).get("/spare-parts")
                .then().body("items.partNumber", hasItem(part));
    }

    @Test
    void aDocumentIsUploadedStreamedToTheBlobStoreAndDownloadedWithItsSizeAndSha256() throws Exception {
        String sku = Fixtures.model("DESK_PHONE");
        byte[] file = new byte[300_000];
        new Random(42).nextBytes(file);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));

        Response created = given().header("Authorization", Tokens.admin()).contentType("application/octet-stream").body(file)
                .queryParam("sku", sku).queryParam("kind", "FIRMWARE").queryParam("title", "UC Software")
                .queryParam("version", "8.1.3").queryParam("releasedOn", "2026-09-30").queryParam("fileName", "ccx-8.1.3.zip")
                .post("/documents");
        created.then().statusCode(201).body("sha256", equalTo(sha)).body("sizeBytes", equalTo(300_000))
                .body("downloadUrl", notNullValue());
        String id = created.jsonPath().getString("id");

        Response download = given().header("Authorization", Tokens.partner("P-1")).get("/documents/" + id + "/content");
        download.then().statusCode(200).contentType("application/octet-stream")
                .header("Content-Length", "300000").header("ETag", "\"" + sha + "\"")
                .header("Content-Disposition", "attachment; filename=\"ccx-8.1.3.zip\"");
        assertThat(download.asByteArray()).isEqualTo(file);
        given().header("Authorization", Tokens.partner("P-1")).header("If-None-Match", "\"" + sha + "\"")
                .get("/documents/" + id + "/content").then().statusCode(304);

        given().header("Authorization", Tokens.partner("P-1")).queryParam("sku", sku).queryParam("kind", "FIRMWARE").get("/documents")
                .then().statusCode(200).body("items.id", equalTo(List.of(id))).body("items[0].version", equalTo("8.1.3"));
        given().header("Authorization", Tokens.partner("P-1")).get("/documents/" + id).then().statusCode(200).body("title", equalTo("UC Software"));
        given().header("Authorization", Tokens.partner("P-1")).get("/documents/not-a-uuid/content").then().statusCode(404);
    }

    @Test
    void uploadsWithBadMetadataOrATraversingFileNameAreRefusedAndStoreNothing() {
        String sku = Fixtures.model("VIDEO");
        byte[] file = "release notes".getBytes(StandardCharsets.UTF_8);
        record Case(String param, String value, String field) {
        }
        for (Case c : List.of(new Case("fileName", "../../etc/passwd", "fileName"), new Case("fileName", "..", "fileName"),
                new Case("fileName", "a/b.pdf", "fileName"), new Case("sku", "NOPE-" + sku, "sku"), new Case("kind", "POSTER", "kind"),
                new Case("releasedOn", "2999-01-01", "releasedOn"), new Case("releasedOn", "soon", "releasedOn"),
                new Case("version", "", "version"))) {
            java.util.Map<String, String> params = new java.util.HashMap<>(java.util.Map.of("sku", sku, "kind", "RELEASE_NOTES",
                    "title", "Notes", "version", "1.0", "releasedOn", "2026-09-30", "fileName", "notes.txt"));
            params.put(c.param(), c.value());
            given().header("Authorization", Tokens.admin()).contentType("application/octet-stream").body(file).queryParams(params)
                    .post("/documents").then().statusCode(400).body("errors.field", hasItem(c.field()));
        }
        given().header("Authorization", Tokens.partner("P-1")).contentType("application/octet-stream").body(file)
                .queryParam("sku", sku).queryParam("kind", "RELEASE_NOTES").queryParam("title", "Notes")
                .queryParam("version", "1.0").queryParam("releasedOn", "2026-09-30").queryParam("fileName", "notes.txt")
                .post("/documents").then().statusCode(403);
        given().header("Authorization", Tokens.agent()).queryParam("sku", sku).get("/documents").then().statusCode(200).body("items", hasSize(0));
    }
}
