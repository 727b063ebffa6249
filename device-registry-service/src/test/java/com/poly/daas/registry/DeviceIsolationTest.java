package com.poly.daas.registry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class DeviceIsolationTest {
    String sku;

    @BeforeEach
    void model() {
        sku = ModelCatalogueTest.newSku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(ModelCatalogueTest.modelJson(sku, "DESK_PHONE")).post("/models").then().statusCode(201);
    }

    static String serial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @org.junit.jupiter.api.BeforeEach
    void knownPartners() {
        ProgrammeFacts.knownCustomer("P-A", "CU-1");
        ProgrammeFacts.knownCustomer("P-B", "CU-B1");
    }

    @Test
    void aPartnerNeverSeesAnotherPartnersDevice() {
        String serial = serial();
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON)
                .body("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-1\",\"deliveredOn\":\"2026-10-01\"}")
                .post("/devices").then().statusCode(201).body("partnerId", equalTo("P-A"));

        given().header("Authorization", Tokens.partner("P-A")).get("/devices/" + serial).then().statusCode(200);
        given().header("Authorization", Tokens.partner("P-B")).get("/devices/" + serial)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Tokens.agent()).get("/devices/" + serial).then().statusCode(200)
                .body("partnerId", equalTo("P-A"));
        given().header("Authorization", Tokens.partnerWithoutClaim()).get("/devices/" + serial).then().statusCode(403);
    }

    @Test
    void aPartnerCannotActForAnotherPartner() {
        given().header("Authorization", Tokens.partner("P-B")).contentType(ContentType.JSON)
                .body("{\"serial\":\"" + serial() + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-1\",\"partnerId\":\"P-A\"}")
                .post("/devices").then().statusCode(404);
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body("{\"serial\":\"" + serial() + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-1\"}")
                .post("/devices").then().statusCode(400).body("errors.field", hasItem("partnerId"));
    }

    @Test
    void reRegisteringASerialIsAConflictNotADuplicate() {
        String serial = serial();
        String body = "{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-1\"}";
        given().header("Authorization", Tokens.partner("P-A")).contentType(ContentType.JSON).body(body)
                .post("/devices").then().statusCode(201);
        // serials are unique worldwide: B, for its own customer, learns only that the serial is taken (docs/security.md)
        given().header("Authorization", Tokens.partner("P-B")).contentType(ContentType.JSON)
                .body("{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"CU-B1\"}")
                .post("/devices").then().statusCode(409).body("errors.field", hasItem("serial"))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("P-A")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("CU-1")));
    }

    @Test
    void staffChangesAreAuditedAndOnlyAdminsReadTheTrail() {
        given().header("Authorization", Tokens.admin()).queryParam("entityType", "Model").queryParam("entityId", sku)
                .get("/audit-entries").then().statusCode(200)
                .body("items[0].action", equalTo("model.added"))
                .body("items[0].actorRole", equalTo("admin"))
                .body("items[0].after.sku", equalTo(sku));
        given().header("Authorization", Tokens.partner("P-A")).get("/audit-entries").then().statusCode(403);
    }
}
