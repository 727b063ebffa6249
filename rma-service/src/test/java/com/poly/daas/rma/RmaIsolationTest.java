package com.poly.daas.rma;

import static com.poly.daas.rma.ContractFeed.enrol;
import static com.poly.daas.rma.ContractFeed.rmaJson;
import static com.poly.daas.rma.ContractFeed.serial;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Partner isolation over every operation of the RMA API, coverage replica included. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class RmaIsolationTest {

    /** The fixed partner ids of this class are partners the service knows (issue 9). */
    @org.junit.jupiter.api.BeforeEach
    void partnersKnownToTheService() {
        ProgrammeFacts.known("P-A");
        ProgrammeFacts.known("P-B");
    }

    private static String authorise(String partnerId, String serial) {
        return given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson(partnerId, serial, "HARDWARE_FAILURE", "US", "America/New_York"))
                .post("/rmas").then().statusCode(201).extract().path("id");
    }

    @Test
    void everyOperationIsolatesPartners() {
        String owner = ProgrammeFacts.partner("P-A-" + UUID.randomUUID().toString().substring(0, 6));
        String outsider = ProgrammeFacts.partner("P-B-" + UUID.randomUUID().toString().substring(0, 6));
        String customerOfA = ProgrammeFacts.customer(owner);
        String serialOfA = serial();
        String contractOfA = enrol(owner, serialOfA, "STANDARD");
        String rmaOfA = authorise(owner, serialOfA);

        IsolationSuite.fromOpenApi()
                .staffOnly("POST /rmas", "/rmas", rmaJson(owner, serialOfA, "HARDWARE_FAILURE", "US", "America/New_York"))
                .get("GET /rmas/{id}", "/rmas/" + rmaOfA)
                .list("GET /rmas", "/rmas?serial=" + serialOfA)
                .get("GET /coverage/{serial}", "/coverage/" + serialOfA)
                .staffOnly("POST /rmas/{id}/shipment", "/rmas/" + rmaOfA + "/shipment",
                        "{\"replacementSerial\":\"REPL0009\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z0009\"}")
                .staffOnly("POST /rmas/{id}/delivery", "/rmas/" + rmaOfA + "/delivery", "{}")
                .staffOnly("GET /rmas/overdue", "/rmas/overdue", null)
                .staffOnly("GET /rmas/due", "/rmas/due?withinBusinessDays=3", null)
                .staffOnly("POST /rmas/{id}/return-receipt", "/rmas/" + rmaOfA + "/return-receipt", "{}")
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .get("GET /customers/{customerId}/rma-rates/{year}", "/customers/" + customerOfA + "/rma-rates/2026")
                .verify(owner, outsider, List.of(serialOfA, contractOfA, rmaOfA, "CU-" + serialOfA, customerOfA));
    }

    @Test
    void anotherPartnersDeviceIsNotCoveredForYouAndYouListOnlyYourRmas() {
        String s = serial();
        enrol("P-A", s, "STANDARD");
        authorise("P-A", s);
        given().header("Authorization", Tokens.partner("P-B")).contentType(ContentType.JSON)
                .body(rmaJson("P-A", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(403);
        given().header("Authorization", Tokens.partner("P-B")).queryParam("serial", s).get("/rmas")
                .then().statusCode(200).body("items", hasSize(0));
        given().header("Authorization", Tokens.agent()).queryParam("serial", s).get("/rmas")
                .then().statusCode(200).body("items", hasSize(1));
        // an agent acting for the wrong partner gets no coverage either
        given().header("Authorization", Tokens.agent()).contentType(ContentType.JSON)
                .body(rmaJson("P-B", s, "HARDWARE_FAILURE", "US", "America/New_York")).post("/rmas")
                .then().statusCode(422).body("rule", equalTo("P3"));
    }
}
