package com.poly.daas.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import com.poly.daas.testsupport.MutableClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class CoverageQueryTest {
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
    void E2_E4_causesAreDecidedPerOptionAndTheAnswerNamesTheRules() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 24);
        String sku = Fixtures.voiceModel();
        String standard = Fixtures.serial();
        String extended = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(standard, sku, "STANDARD", "2026-09-30"),
                Fixtures.device(extended, sku, "EXTENDED", "2026-09-30")).then().statusCode(201);
        String day = "2027-09-30";

        Fixtures.coverage(Tokens.partner(partner), standard, day, "HARDWARE_FAILURE").then().statusCode(200)
                .body("decision", equalTo("COVERED")).body("reason", equalTo("IN_PERIOD")).body("rules", contains("P3"))
                .body("contractId", equalTo(contract)).body("sku", equalTo(sku)).body("option", equalTo("STANDARD"))
                .body("period.start", equalTo("2026-09-30")).body("period.end", equalTo("2028-09-30"))
                .body("period.lastDay", equalTo("2028-09-29")).body("on", equalTo(day)).body("cause", equalTo("HARDWARE_FAILURE"));
        for (String cause : new String[] {"LIQUID_SPILL", "DROP_DAMAGE"}) {
            Fixtures.coverage(Tokens.agent(), standard, day, cause).then().statusCode(200)
                    .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("EXTENDED_OPTION_REQUIRED"))
                    .body("rules", hasItem("E2"));
            Fixtures.coverage(Tokens.service(), extended, day, cause).then().statusCode(200)
                    .body("decision", equalTo("COVERED")).body("rules", contains("P3", "E2"));
        }
        for (String cause : new String[] {"FIRE", "INTENTIONAL_DAMAGE", "WEAR_AND_TEAR", "COSMETIC", "THEFT", "LOSS"}) {
            Fixtures.coverage(Tokens.partner(partner), extended, day, cause).then().statusCode(200)
                    .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("EXCLUDED_CAUSE")).body("rules", contains("E4"));
        }
        Fixtures.coverage(Tokens.partner(partner), extended, "2026-09-29", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("BEFORE_PERIOD"));
    }

    @Test
    void P1_devicesOfADraftContractAreNotCoveredYet() {
        String partner = Fixtures.partner();
        String contract = Fixtures.draftContract(partner, 12);
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, Fixtures.voiceModel(), "STANDARD", "2026-10-01")).then().statusCode(201);
        Fixtures.coverage(Tokens.partner(partner), serial, "2026-10-02", "HARDWARE_FAILURE").then().statusCode(200)
                .body("decision", equalTo("NOT_COVERED")).body("reason", equalTo("CONTRACT_NOT_ACTIVE"));
        Fixtures.activate(Tokens.partner(partner), contract).then().statusCode(200);
        Fixtures.coverage(Tokens.partner(partner), serial, "2026-10-02", "HARDWARE_FAILURE").then()
                .body("decision", equalTo("COVERED"));
    }

    @Test
    void aPartnerAskingAboutAnotherPartnersSerialGets404AndBadQueriesNameTheParameter() {
        String partner = Fixtures.partner();
        String contract = Fixtures.activeContract(partner, 12);
        String serial = Fixtures.serial();
        Fixtures.enrol(partner, contract, Fixtures.device(serial, Fixtures.voiceModel(), "STANDARD", "2026-10-01")).then().statusCode(201);

        Fixtures.coverage(Tokens.partner(Fixtures.partner()), serial, "2026-10-02", "HARDWARE_FAILURE").then().statusCode(404)
                .contentType("application/problem+json");
        Fixtures.coverage(Tokens.partner(partner), "SNNEVERSEEN1", "2026-10-02", "HARDWARE_FAILURE").then().statusCode(404);
        Fixtures.coverage(Tokens.partner(partner), serial, "2026-13-01", "HARDWARE_FAILURE").then().statusCode(400)
                .body("errors.field", hasItem("on"));
        Fixtures.coverage(Tokens.partner(partner), serial, "2026-10-02", "METEORITE").then().statusCode(400)
                .body("errors.field", hasItem("cause"));
        given().header("Authorization", Tokens.partner(partner)).queryParam("serial", serial).get("/coverage").then()
                .statusCode(400).body("errors.field", hasItem("cause"));
        given().header("Authorization", Tokens.partner(partner)).queryParam("cause", "THEFT").get("/coverage").then()
                .statusCode(400).body("errors.field", hasItem("serial"));
        given().header("Authorization", Tokens.endUser(partner)).queryParam("serial", serial).queryParam("cause", "THEFT")
                .get("/coverage").then().statusCode(403);
        given().queryParam("serial", serial).queryParam("cause", "THEFT").get("/coverage").then().statusCode(401);
    }
}
