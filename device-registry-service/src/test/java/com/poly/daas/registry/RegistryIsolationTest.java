package com.poly.daas.registry;

import static io.restassured.RestAssured.given;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Partner isolation over EVERY operation of the registry's OpenAPI document: partner-owned data (devices, their
 * history, licences) is invisible to another partner; catalogue data (models, prices, parts, documents) is shared but
 * never carries a partner's secrets; staff operations refuse partners; anonymous callers get 401, end users 403 (S2).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RegistryIsolationTest {

    @Test
    void everyEndpointKeepsPartnersApart() {
        String owner = Fixtures.partner();
        String outsider = Fixtures.partner();
        String sku = Fixtures.model("DESK_PHONE");
        String serial = Fixtures.serial();
        String customer = Fixtures.customer(owner);
        Fixtures.device(owner, serial, sku, customer, "2026-10-01");
        String licence = "LIC-" + Fixtures.serial();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(PortalLookupTest.licenceJson(licence, owner, customer, serial, null, "2026-10-01", null))
                .post("/licences").then().statusCode(201);
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(PriceCatalogueTest.price("NA-USD", "10.00", "USD", "2026-01-01")).post("/models/" + sku + "/prices").then().statusCode(201);
        String part = "2200-" + Fixtures.serial();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"partNumber\":\"" + part + "\",\"name\":\"Handset\",\"listPrice\":{\"amount\":\"9.00\",\"currency\":\"USD\"},\"compatibleSkus\":[\"" + sku + "\"]}")
                .post("/spare-parts").then().statusCode(201);
        String document = given().header("Authorization", Tokens.admin()).contentType("application/octet-stream")
                .body("datasheet".getBytes(StandardCharsets.UTF_8)).queryParam("sku", sku).queryParam("kind", "DATASHEET")
                .queryParam("title", "Datasheet").queryParam("version", "1").queryParam("releasedOn", "2026-01-05")
                .queryParam("fileName", "datasheet.pdf").post("/documents").then().statusCode(201).extract().path("id");

        String model = ModelCatalogueTest.modelJson(Fixtures.sku(), "HEADSET");
        String announcement = "{\"announcedOn\":\"2026-11-02\",\"effectiveOn\":\"2027-05-01\"}";
        String forOwner = "{\"partnerId\":\"" + owner + "\",\"serial\":\"" + Fixtures.serial() + "\",\"sku\":\"" + sku + "\",\"customerId\":\"" + customer + "\"}";
        String bulkForOwner = "{\"partnerId\":\"" + owner + "\",\"devices\":[" + Fixtures.deviceJson(Fixtures.serial(), sku, customer, null) + "]}";
        // issue 9: the outsider, acting for itself, names the owner's customer
        String deviceForOwnersCustomer = Fixtures.deviceJson(Fixtures.serial(), sku, customer, null);
        String bulkForOwnersCustomer = "{\"devices\":[" + Fixtures.deviceJson(Fixtures.serial(), sku, customer, null) + "]}";
        java.util.function.Supplier<String> ownersDevices = () -> given().header("Authorization", Tokens.agent())
                .get("/devices?customerId=" + customer).asString();

        IsolationSuite.fromOpenApi()
                // catalogue: shared, staff maintain it
                .staffOnly("POST /models", "/models", model)
                .list("GET /models", "/models?limit=200")
                .list("GET /models/{sku}", "/models/" + sku)
                .staffOnly("PUT /models/{sku}", "/models/" + sku, "{\"name\":\"x\",\"family\":\"CCX\",\"daasEligible\":true}")
                .staffOnly("POST /models/{sku}/end-of-sale", "/models/" + sku + "/end-of-sale", announcement)
                .staffOnly("POST /models/{sku}/end-of-support", "/models/" + sku + "/end-of-support", announcement)
                .staffOnly("POST /models/{sku}/prices", "/models/" + sku + "/prices", PriceCatalogueTest.price("NA-USD", "11.00", "USD", "2026-02-01"))
                .list("GET /models/{sku}/prices", "/models/" + sku + "/prices")
                .list("GET /models/{sku}/prices/in-force", "/models/" + sku + "/prices/in-force?priceList=NA-USD")
                .list("GET /price-lists", "/price-lists")
                // serial registry: partner-owned
                .send("POST /devices", "/devices", forOwner)
                .write("POST /devices", "/devices", deviceForOwnersCustomer, ownersDevices)
                .list("GET /devices", "/devices?customerId=" + customer)
                .get("GET /devices/{serial}", "/devices/" + serial)
                .send("POST /devices/bulk", "/devices/bulk", bulkForOwner)
                .write("POST /devices/bulk", "/devices/bulk", bulkForOwnersCustomer, ownersDevices)
                .send("PUT /devices/{serial}/delivery", "/devices/" + serial + "/delivery", "{\"deliveredOn\":\"2026-10-02\"}")
                .send("POST /devices/{serial}/status", "/devices/" + serial + "/status", "{\"status\":\"RETIRED\"}")
                .get("GET /devices/{serial}/history", "/devices/" + serial + "/history")
                // licences: partner-owned, issued by staff
                .staffOnly("POST /licences", "/licences", PortalLookupTest.licenceJson("LIC-" + Fixtures.serial(), owner, customer, serial, null, "2026-10-01", null))
                .list("GET /licences", "/licences?serial=" + serial)
                .get("GET /licences/{licenceKey}", "/licences/" + licence)
                // spare parts, documents and software: catalogue
                .staffOnly("POST /spare-parts", "/spare-parts", "{\"partNumber\":\"2200-X\",\"name\":\"x\",\"listPrice\":{\"amount\":\"1.00\",\"currency\":\"USD\"},\"compatibleSkus\":[\"" + sku + "\"]}")
                .list("GET /spare-parts", "/spare-parts?sku=" + sku)
                .list("GET /spare-parts/{partNumber}", "/spare-parts/" + part)
                .staffOnly("POST /documents", "/documents?sku=" + sku + "&kind=DATASHEET&title=t&version=1&releasedOn=2026-01-05&fileName=x.pdf", null)
                .list("GET /documents", "/documents?sku=" + sku)
                .list("GET /documents/{id}", "/documents/" + document)
                .list("GET /documents/{id}/content", "/documents/" + document + "/content")
                // platform: the audit trail is for admins
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .verify(owner, outsider, List.of(serial, customer, licence));

        // the owner's device was never changed by the outsider's attempts
        given().header("Authorization", Tokens.partner(owner)).get("/devices/" + serial).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("REGISTERED")).body("deliveredOn", org.hamcrest.Matchers.equalTo("2026-10-01"));
    }
}
