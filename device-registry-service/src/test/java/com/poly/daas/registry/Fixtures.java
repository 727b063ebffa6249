package com.poly.daas.registry;

import static io.restassured.RestAssured.given;

import com.poly.daas.testsupport.Tokens;
import io.restassured.http.ContentType;
import java.util.UUID;

/** Random ids and API shortcuts shared by the tests (no test depends on another's data). */
final class Fixtures {
    static String sku() {
        return ModelCatalogueTest.newSku();
    }

    static String serial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static String partner() {
        return "P-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String model(String category) {
        String sku = sku();
        given().header("Authorization", Tokens.admin()).contentType(ContentType.JSON)
                .body(ModelCatalogueTest.modelJson(sku, category)).post("/models").then().statusCode(201);
        return sku;
    }

    static String deviceJson(String serial, String sku, String customer, String deliveredOn) {
        return "{\"serial\":\"" + serial + "\",\"sku\":\"" + sku + "\",\"customerId\":\"" + customer + "\""
                + (deliveredOn == null ? "" : ",\"deliveredOn\":\"" + deliveredOn + "\"") + "}";
    }

    static void device(String partner, String serial, String sku, String customer, String deliveredOn) {
        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON)
                .body(deviceJson(serial, sku, customer, deliveredOn)).post("/devices").then().statusCode(201);
    }

    private Fixtures() {
    }
}
