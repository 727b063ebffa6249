package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import com.poly.daas.testsupport.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partner isolation over EVERY operation of the contract API: partners, customers, contracts, enrolments and coverage
 * answers of one partner are invisible to another; partner and audit administration refuse partners; model eligibility
 * is shared catalogue knowledge; anonymous callers get 401, end users 403 (S2).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class ContractIsolationTest {
    @Inject
    MutableClock clock;

    /** The fixed dates below are written for this "today"; a later real date must not age them. */
    @BeforeEach
    void today() {
        clock.set(java.time.Instant.parse("2026-11-24T12:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }


    @Test
    void everyEndpointKeepsPartnersApart() {
        String owner = Fixtures.partner();
        String outsider = Fixtures.partner();
        String sku = Fixtures.voiceModel();
        String customer = Fixtures.customer(owner, "DE");
        String contract = given().header("Authorization", Tokens.partner(owner)).contentType("application/json")
                .body(Fixtures.contractBody(customer, 36, "EUR")).post("/contracts").then().statusCode(201).extract().path("id");
        Fixtures.activate(Tokens.partner(owner), contract).then().statusCode(200);
        String serial = Fixtures.serial();
        Fixtures.enrol(owner, contract, Fixtures.device(serial, sku, "STANDARD", "2026-10-01")).then().statusCode(201);

        String certification = "{\"status\":\"REVOKED\",\"certifiedFrom\":\"2000-01-01\",\"certifiedUntil\":\"2099-12-31\"}";
        String newPartner = "{\"id\":\"" + Fixtures.id("P-") + "\",\"name\":\"x\",\"certificationStatus\":\"ACTIVE\","
                + "\"certifiedFrom\":\"2026-01-01\",\"certifiedUntil\":\"2026-12-31\"}";
        String customerForOwner = "{\"partnerId\":\"" + owner + "\",\"legalName\":\"Intruder GmbH\",\"country\":\"DE\",\"timeZone\":\"Europe/Berlin\"}";
        // issue 9: a device the owner registered but has not enrolled yet, and a contract of the outsider's own
        String registeredOfOwner = Fixtures.serial();
        Fixtures.registered(registeredOfOwner, sku, owner, customer);
        String outsidersCustomer = Fixtures.customer(outsider, "FR");
        String outsidersContract = given().header("Authorization", Tokens.partner(outsider)).contentType("application/json")
                .body(Fixtures.contractBody(outsidersCustomer, 36, "EUR")).post("/contracts").then().statusCode(201).extract().path("id");
        java.util.function.Supplier<String> ownersCustomers = () -> given().header("Authorization", Tokens.admin())
                .get("/customers?limit=200").asString().replaceAll("\"cursor\":\"[^\"]*\"", "");
        java.util.function.Supplier<String> ownersContracts = () -> given().header("Authorization", Tokens.partner(owner))
                .get("/contracts?customerId=" + customer).asString();
        java.util.function.Supplier<String> coverageOfOwnersDevice = () -> given().header("Authorization", Tokens.agent())
                .get("/coverage?serial=" + registeredOfOwner + "&cause=HARDWARE_FAILURE&on=2026-12-01").asString()
                + given().header("Authorization", Tokens.partner(outsider)).get("/contracts/" + outsidersContract + "/devices").asString();

        IsolationSuite.fromOpenApi()
                // partners: administered by admins, a partner reads itself only
                .staffOnly("POST /partners", "/partners", newPartner)
                .get("GET /partners/{partnerId}", "/partners/" + owner)
                .staffOnly("PUT /partners/{partnerId}/certification", "/partners/" + owner + "/certification", certification)
                // customers and contracts: partner-owned
                .send("POST /customers", "/customers", customerForOwner)
                .write("POST /customers", "/customers", customerForOwner, ownersCustomers)
                .send("PUT /customers/{customerId}/site", "/customers/" + customer + "/site",
                        "{\"country\":\"FR\",\"timeZone\":\"Europe/Paris\"}")
                .list("GET /customers", "/customers?limit=200")
                .get("GET /customers/{customerId}", "/customers/" + customer)
                .send("POST /contracts", "/contracts", Fixtures.contractBody(customer, 12, "EUR"))
                .write("POST /contracts", "/contracts", Fixtures.contractBody(customer, 12, "EUR"), ownersContracts)
                .list("GET /contracts", "/contracts?customerId=" + customer)
                .get("GET /contracts/{contractId}", "/contracts/" + contract)
                .send("POST /contracts/{contractId}/activation", "/contracts/" + contract + "/activation", null)
                .send("POST /contracts/{contractId}/termination", "/contracts/" + contract + "/termination", "{\"reason\":\"hostile\"}")
                .send("POST /contracts/{contractId}/devices", "/contracts/" + contract + "/devices",
                        "{\"devices\":[" + Fixtures.device(Fixtures.serial(), sku, "STANDARD", null) + "]}")
                .write("POST /contracts/{contractId}/devices", "/contracts/" + outsidersContract + "/devices",
                        "{\"devices\":[" + Fixtures.device(registeredOfOwner, sku, "EXTENDED", null) + "]}", coverageOfOwnersDevice)
                .get("GET /contracts/{contractId}/devices", "/contracts/" + contract + "/devices")
                .send("PUT /contracts/{contractId}/devices/{serial}/option", "/contracts/" + contract + "/devices/" + serial + "/option",
                        "{\"option\":\"STANDARD\"}")
                // coverage answers: partner-owned
                .get("GET /coverage", "/coverage?serial=" + serial + "&cause=HARDWARE_FAILURE&on=2026-12-01")
                // shared catalogue knowledge
                .list("GET /model-eligibility/{sku}", "/model-eligibility/" + sku)
                // platform: the audit trail is for admins
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .verify(owner, outsider, List.of(customer, contract, serial, "Contoso DE"));

        // nothing of the owner's changed through the outsider's attempts
        given().header("Authorization", Tokens.partner(owner)).get("/contracts/" + contract).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        given().header("Authorization", Tokens.partner(owner)).get("/contracts/" + contract + "/devices").then()
                .body("items", hasSize(1));
        given().header("Authorization", Tokens.partner(owner)).get("/customers").then().body("items", hasSize(1))
                .body("items[0].country", equalTo("DE"));
        // and the owner can still enrol its own registered device: the outsider's attempt left nothing behind
        Fixtures.enrolUnregistered(owner, contract, Fixtures.device(registeredOfOwner, sku, "STANDARD", null)).then().statusCode(201);
        given().header("Authorization", Tokens.admin()).get("/partners/" + owner).then().body("certificationStatus", equalTo("ACTIVE"));
    }
}
