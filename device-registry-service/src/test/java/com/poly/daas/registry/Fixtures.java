package com.poly.daas.registry;

import static io.restassured.RestAssured.given;

import com.poly.daas.testsupport.ProgrammeFacts;
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

    /** A partner with a random id, known to the registry (its partner replica, issue 9). */
    static String partner() {
        return ProgrammeFacts.newPartner();
    }

    /** A customer of the partner, known to the registry's customer replica; returns its id. */
    static String customer(String partner) {
        ProgrammeFacts.known(partner);
        return ProgrammeFacts.customer(partner);
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

    /** Registers a device; the partner and its customer id are made known to the registry first (issue 9). */
    static void device(String partner, String serial, String sku, String customer, String deliveredOn) {
        ProgrammeFacts.knownCustomer(partner, customer);
        given().header("Authorization", Tokens.partner(partner)).contentType(ContentType.JSON)
                .body(deviceJson(serial, sku, customer, deliveredOn)).post("/devices").then().statusCode(201);
    }

    private Fixtures() {
    }
}
