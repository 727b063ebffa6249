package com.poly.daas.contract;

import static com.poly.daas.contract.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict input on contracts (docs/api-conventions.md): each refusal is a 400 problem naming the field; nothing is drafted. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class StrictInputTest {

    @Test
    void B1_aFeeIsAPlainDecimalStringAndATermIsAnInteger() {
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner, "US");
        String valid = Fixtures.contractBody(customer, 36, "USD");
        for (String bad : List.of("\"1e3\"", "24.9", "\"24,90\"")) {
            as(Tokens.partner(partner)).body(valid.replace("\"24.90\"", bad)).post("/contracts")
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("monthlyFee.amount"));
        }
        as(Tokens.partner(partner)).body(valid.replace("\"termMonths\":36", "\"termMonths\":\"36\"")).post("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("termMonths"));
        as(Tokens.partner(partner)).body(valid.replace("\"termMonths\":36", "\"termMonths\":36.0")).post("/contracts")
                .then().statusCode(400).body("errors.field", hasItem("termMonths"));
        as(Tokens.partner(partner)).body(valid + "]").post("/contracts").then().statusCode(400);
        given().header("Authorization", Tokens.partner(partner)).queryParam("customerId", customer).get("/contracts")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aMalformedLimitOrCursorIsA400NamingIt() {
        for (String list : List.of("/contracts", "/customers", "/audit-entries")) {
            given().header("Authorization", Tokens.admin()).queryParam("limit", "abc").get(list)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("limit"));
            given().header("Authorization", Tokens.admin()).queryParam("cursor", "djE6bm90LWEta2V5").get("/audit-entries")
                    .then().statusCode(400).body("errors.field", hasItem("cursor"));
        }
    }
}
