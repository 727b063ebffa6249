package com.poly.daas.contract;

import static com.poly.daas.contract.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import com.poly.daas.contract.service.PartnerSeed;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class PartnerAndCustomerTest {

    @Test
    void P1_adminsManagePartnersAndACertificationChangeNeedsIfMatch() {
        String partner = Fixtures.partner();
        as(Tokens.partner(partner)).body("""
                {"id":"%s","name":"x","certificationStatus":"ACTIVE","certifiedFrom":"2026-01-01","certifiedUntil":"2026-12-31"}"""
                .formatted(Fixtures.id("P-"))).post("/partners").then().statusCode(403);
        as(Tokens.admin()).body("""
                {"id":"%s","name":"x","certificationStatus":"ACTIVE","certifiedFrom":"2000-01-01","certifiedUntil":"2099-12-31"}"""
                .formatted(partner)).post("/partners").then().statusCode(409).body("errors.field", hasItem("id"));

        given().header("Authorization", Tokens.partner(partner)).get("/partners/" + partner)
                .then().statusCode(200).body("activeToday", equalTo(true)).body("certificationStatus", equalTo("ACTIVE"));
        given().header("Authorization", Tokens.partner(Fixtures.partner())).get("/partners/" + partner).then().statusCode(404);

        String suspend = """
                {"status":"SUSPENDED","certifiedFrom":"2000-01-01","certifiedUntil":"2099-12-31"}""";
        as(Tokens.admin()).body(suspend).put("/partners/" + partner + "/certification").then().statusCode(428);
        as(Tokens.admin()).header("If-Match", "\"9\"").body(suspend).put("/partners/" + partner + "/certification")
                .then().statusCode(412);
        as(Tokens.partner(partner)).header("If-Match", "\"0\"").body(suspend).put("/partners/" + partner + "/certification")
                .then().statusCode(403);
        as(Tokens.admin()).header("If-Match", "\"0\"").body(suspend).put("/partners/" + partner + "/certification")
                .then().statusCode(200).header("ETag", "\"1\"").body("activeToday", equalTo(false));

        as(Tokens.partner(partner)).body("""
                {"legalName":"Contoso","country":"US","timeZone":"America/New_York"}""")
                .post("/customers").then().statusCode(422).body("rule", equalTo("P1"));
        given().header("Authorization", Tokens.admin()).queryParam("entityType", "Partner").queryParam("entityId", partner)
                .get("/audit-entries").then().statusCode(200).body("items[0].action", equalTo("partner.certification-changed"));
    }

    @Test
    void P1_aLapsedCertificationRefusesNewContractsAndActivation() {
        String partner = Fixtures.partner();
        String customer = Fixtures.customer(partner, "US");
        String draft = Fixtures.draftContract(partner, 12);
        String etag = given().header("Authorization", Tokens.admin()).get("/partners/" + partner).then().extract().header("ETag");
        as(Tokens.admin()).header("If-Match", etag)
                .body("{\"status\":\"ACTIVE\",\"certifiedFrom\":\"2000-01-01\",\"certifiedUntil\":\"2001-12-31\"}")
                .put("/partners/" + partner + "/certification").then().statusCode(200).body("activeToday", equalTo(false));

        as(Tokens.partner(partner)).body(Fixtures.contractBody(customer, 12, "USD")).post("/contracts")
                .then().statusCode(422).contentType("application/problem+json").body("rule", equalTo("P1"));
        Fixtures.activate(Tokens.partner(partner), draft).then().statusCode(422).body("rule", equalTo("P1"));
        given().header("Authorization", Tokens.partner(partner)).get("/contracts/" + draft).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void P1_aPartnerTokenOfAnUnregisteredPartnerIsRefusedEverywhere() {
        String stranger = Tokens.partner(Fixtures.id("P-"));
        as(stranger).body("""
                {"legalName":"Contoso","country":"US","timeZone":"America/New_York"}""")
                .post("/customers").then().statusCode(403).body("type", endsWith("/unknown-partner")).body("rule", equalTo("P1"));
        given().header("Authorization", stranger).get("/contracts").then().statusCode(403)
                .body("type", endsWith("/unknown-partner"));
        given().header("Authorization", stranger).get("/customers").then().statusCode(403);
    }

    @ParameterizedTest
    @CsvSource({"US,US-CA,America/Los_Angeles,NORTH_AMERICA,USD", "MX,,America/Mexico_City,NORTH_AMERICA,USD",
            "CA,CA-ON,America/Toronto,NORTH_AMERICA,CAD", "GB,,Europe/London,EMEA,GBP", "DE,DE-BY,Europe/Berlin,EMEA,EUR",
            "AE,,Asia/Dubai,EMEA,EUR", "ZA,,Africa/Johannesburg,EMEA,EUR"})
    void P2_regionAndCurrencyFollowTheCustomersCountry(String country, String subdivision, String zone, String region, String currency) {
        String partner = Fixtures.partner();
        String body = subdivision == null
                ? "{\"legalName\":\"Contoso\",\"country\":\"%s\",\"timeZone\":\"%s\"}".formatted(country, zone)
                : "{\"legalName\":\"Contoso\",\"country\":\"%s\",\"subdivision\":\"%s\",\"timeZone\":\"%s\"}".formatted(country, subdivision, zone);
        String id = as(Tokens.partner(partner)).body(body).post("/customers").then().statusCode(201)
                .body("region", equalTo(region)).body("currency", equalTo(currency)).body("partnerId", equalTo(partner))
                .extract().path("id");
        given().header("Authorization", Tokens.partner(partner)).get("/customers/" + id).then().statusCode(200)
                .body("timeZone", equalTo(zone));
        given().header("Authorization", Tokens.partner(Fixtures.partner())).get("/customers/" + id).then().statusCode(404);
    }

    @Test
    void P2_aCountryOutsideNorthAmericaAndEmeaIsRefusedNamingCountryAndChangesNothing() {
        String partner = Fixtures.partner();
        for (String country : new String[] {"BR", "JP", "AU"}) {
            as(Tokens.partner(partner)).body("""
                    {"legalName":"Contoso","country":"%s","timeZone":"America/Sao_Paulo"}""".formatted(country))
                    .post("/customers").then().statusCode(422).contentType("application/problem+json")
                    .body("rule", equalTo("P2")).body("errors.field", hasItem("country"));
        }
        given().header("Authorization", Tokens.partner(partner)).get("/customers").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void badCustomerInputGetsAProblemNamingTheField() {
        String partner = Fixtures.partner();
        String[][] cases = {
                {"{\"legalName\":\"C\",\"country\":\"USA\",\"timeZone\":\"UTC\"}", "country"},
                {"{\"legalName\":\"C\",\"country\":\"ZZ\",\"timeZone\":\"UTC\"}", "country"},
                {"{\"legalName\":\"C\",\"country\":\"US\",\"timeZone\":\"Mars/Olympus\"}", "timeZone"},
                {"{\"legalName\":\"C\",\"country\":\"US\",\"subdivision\":\"CA-ON\",\"timeZone\":\"UTC\"}", "subdivision"},
                {"{\"legalName\":\"C\",\"country\":\"US\",\"subdivision\":\"California\",\"timeZone\":\"UTC\"}", "subdivision"},
                {"{\"legalName\":\"\",\"country\":\"US\",\"timeZone\":\"UTC\"}", "legalName"},
                {"{\"legalName\":\"C\",\"country\":\"US\",\"timeZone\":\"UTC\",\"vip\":true}", "vip"}};
        for (String[] c : cases) {
            as(Tokens.partner(partner)).body(c[0]).post("/customers").then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(c[1]));
        }
        given().header("Authorization", Tokens.partner(partner)).get("/customers").then().body("items", hasSize(0));
        // a partner never acts for another partner; staff must name the partner
        as(Tokens.partner(partner)).body("{\"partnerId\":\"P-OTHER\",\"legalName\":\"C\",\"country\":\"US\",\"timeZone\":\"UTC\"}")
                .post("/customers").then().statusCode(404);
        as(Tokens.agent()).body("{\"legalName\":\"C\",\"country\":\"US\",\"timeZone\":\"UTC\"}")
                .post("/customers").then().statusCode(400).body("errors.field", hasItem("partnerId"));
        as(Tokens.agent()).body("{\"partnerId\":\"%s\",\"legalName\":\"C\",\"country\":\"FR\",\"timeZone\":\"Europe/Paris\"}".formatted(partner))
                .post("/customers").then().statusCode(201).body("partnerId", equalTo(partner)).body("currency", equalTo("EUR"));
        given().header("Authorization", Tokens.endUser(partner)).get("/customers").then().statusCode(403);
    }

    @Test
    void badPartnerInputIsAProblemNamingTheFieldAndChangesNothing() {
        String id = Fixtures.id("P-");
        as(Tokens.admin()).body("""
                {"id":"%s","name":"x","certificationStatus":"ACTIVE","certifiedFrom":"2026-12-31","certifiedUntil":"2026-01-01"}"""
                .formatted(id)).post("/partners").then().statusCode(400).body("errors.field", hasItem("certifiedUntil"));
        as(Tokens.admin()).body("""
                {"id":"has space","name":"x","certificationStatus":"ACTIVE","certifiedFrom":"2026-01-01","certifiedUntil":"2026-12-31"}""")
                .post("/partners").then().statusCode(400).body("errors.field", hasItem("id"));
        as(Tokens.admin()).body("""
                {"id":"%s","name":"x","certificationStatus":"PENDING","certifiedFrom":"2026-01-01","certifiedUntil":"2026-12-31"}"""
                .formatted(id)).post("/partners").then().statusCode(400).contentType("application/problem+json");
        given().header("Authorization", Tokens.admin()).get("/partners/" + id).then().statusCode(404);

        String partner = Fixtures.partner();
        as(Tokens.admin()).header("If-Match", "\"0\"").body("{\"status\":\"REVOKED\",\"certifiedFrom\":\"2026-12-31\",\"certifiedUntil\":\"2026-01-01\"}")
                .put("/partners/" + partner + "/certification").then().statusCode(400).body("errors.field", hasItem("certifiedUntil"));
        given().header("Authorization", Tokens.admin()).get("/partners/" + partner).then().statusCode(200)
                .header("ETag", "\"0\"").body("certificationStatus", equalTo("ACTIVE"));
        as(Tokens.admin()).header("If-Match", "\"0\"").body("{\"status\":\"REVOKED\",\"certifiedFrom\":\"2026-01-01\",\"certifiedUntil\":\"2026-12-31\"}")
                .put("/partners/" + Fixtures.id("P-") + "/certification").then().statusCode(404);
    }

    @Inject
    PartnerSeed seed;

    @Test
    void P1_theDevelopmentSeedAddsCertifiedPartnersOnceAndASuspendedOneCannotSell() {
        seed.seed();
        org.assertj.core.api.Assertions.assertThat(seed.seed()).as("idempotent").isZero();
        given().header("Authorization", Tokens.partner("P-1001")).get("/partners/P-1001").then().statusCode(200)
                .body("activeToday", equalTo(true));
        given().header("Authorization", Tokens.partner("P-1003")).get("/partners/P-1003").then().statusCode(200)
                .body("certificationStatus", equalTo("SUSPENDED")).body("activeToday", equalTo(false));
        as(Tokens.partner("P-1003")).body("""
                {"legalName":"Contoso","country":"US","timeZone":"America/New_York"}""")
                .post("/customers").then().statusCode(422).body("rule", equalTo("P1"));
    }
}
