package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.open;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static com.poly.daas.ticket.TicketFixtures.serial;
import static com.poly.daas.ticket.TicketFixtures.ticketJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Partner isolation over every operation of the ticket API (S2 included: end users get 403 everywhere). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketIsolationTest {

    @Test
    void everyOperationIsolatesPartners() {
        String owner = "P-A-" + UUID.randomUUID().toString().substring(0, 6);
        String outsider = "P-B-" + UUID.randomUUID().toString().substring(0, 6);
        String serialOfA = serial();
        String customerOfA = "CU-A-" + UUID.randomUUID().toString().substring(0, 8);
        String ticketOfA = openFor(owner, customerOfA, serialOfA);

        IsolationSuite.fromOpenApi()
                .send("POST /tickets", "/tickets", ticketJson(owner, "CU-X", serial(), "US", "NY", "America/New_York"))
                .get("GET /tickets/{id}", "/tickets/" + ticketOfA)
                .list("GET /tickets", "/tickets?serial=" + serialOfA)
                .staffOnly("POST /tickets/{id}/triage", "/tickets/" + ticketOfA + "/triage", "{\"decision\":\"NO_FAULT\"}")
                .staffOnly("POST /tickets/{id}/resolution", "/tickets/" + ticketOfA + "/resolution", "{\"resolution\":\"done\"}")
                .send("POST /tickets/{id}/closure", "/tickets/" + ticketOfA + "/closure", "{\"reason\":\"done\"}")
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .verify(owner, outsider, List.of(serialOfA, customerOfA, ticketOfA));
    }

    @Test
    void aPartnerListsOnlyItsOwnTicketsAndCannotOpenOneForAnother() {
        String s = serial();
        openFor("P-A", "CU-1", s);
        openFor("P-B", "CU-2", s);
        given().header("Authorization", Tokens.partner("P-A")).queryParam("serial", s).get("/tickets")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].partnerId", equalTo("P-A"));
        given().header("Authorization", Tokens.agent()).queryParam("serial", s).get("/tickets")
                .then().statusCode(200).body("items", hasSize(2));
        open(Tokens.partner("P-B"), ticketJson("P-A", "CU-1", serial(), "US", null, "America/New_York")).statusCode(404);
        open(Tokens.partnerWithoutClaim(), ticketJson(null, "CU-1", serial(), "US", null, "America/New_York")).statusCode(403);
    }

    @Test
    void agentChangesAreAudited() {
        String id = openFor("P-A", "CU-1", serial());
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType("application/json")
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200);
        given().header("Authorization", Tokens.admin()).queryParam("entityType", "Ticket").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items[0].action", equalTo("ticket.triaged")).body("items[0].actorRole", equalTo("agent"));
    }
}
