package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.open;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static com.poly.daas.ticket.TicketFixtures.ticketJson;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.testsupport.isolation.IsolationSuite;
import com.poly.daas.ticket.TicketFixtures.Desk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Partner isolation over every operation of the ticket API, reads and writes (S2 included: end users get 403 everywhere). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketIsolationTest {

    @Test
    void everyOperationIsolatesPartners() {
        Desk owner = desk();
        Desk outsider = desk();
        String ticketOfA = openFor(owner);
        Supplier<String> ticketsOnOwnersDevice = () -> given().header("Authorization", Tokens.agent())
                .queryParam("serial", owner.serial()).get("/tickets").asString();

        String fileOfA = TicketAttachmentsTest.upload(Tokens.partner(owner.partner()), ticketOfA, "owner-log.txt", "text/plain",
                "owner's log".getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode(201).extract().path("id");

        IsolationSuite.fromOpenApi()
                .send("POST /tickets", "/tickets", ticketJson(owner.partner(), owner.customer(), owner.serial()))
                // issue 9: the outsider, for itself, names the owner's customer and device
                .write("POST /tickets", "/tickets", ticketJson(null, owner.customer(), owner.serial()), ticketsOnOwnersDevice)
                .get("GET /tickets/{id}", "/tickets/" + ticketOfA)
                .list("GET /tickets", "/tickets?serial=" + owner.serial())
                .staffOnly("POST /tickets/{id}/triage", "/tickets/" + ticketOfA + "/triage", "{\"decision\":\"NO_FAULT\"}")
                .staffOnly("POST /tickets/{id}/resolution", "/tickets/" + ticketOfA + "/resolution", "{\"resolution\":\"done\"}")
                .staffOnly("POST /tickets/{id}/first-response", "/tickets/" + ticketOfA + "/first-response", "{}")
                .staffOnly("POST /tickets/{id}/partner-question", "/tickets/" + ticketOfA + "/partner-question",
                        "{\"question\":\"Which firmware?\"}")
                .staffOnly("POST /tickets/{id}/assignment", "/tickets/" + ticketOfA + "/assignment", "{\"agent\":\"agent-x\"}")
                .send("POST /tickets/{id}/comments", "/tickets/" + ticketOfA + "/comments", "{\"body\":\"hello\"}")
                .get("GET /tickets/{id}/comments", "/tickets/" + ticketOfA + "/comments")
                .list("GET /tickets/search", "/tickets/search?serial=" + owner.serial())
                .send("POST /tickets/{id}/attachments", "/tickets/" + ticketOfA + "/attachments?fileName=x.txt", "x")
                .get("GET /tickets/{id}/attachments", "/tickets/" + ticketOfA + "/attachments")
                .get("GET /tickets/{id}/attachments/{attachmentId}/content",
                        "/tickets/" + ticketOfA + "/attachments/" + fileOfA + "/content")
                .staffOnly("GET /desk/queue", "/desk/queue?partnerId=" + owner.partner(), null)
                .send("POST /tickets/{id}/closure", "/tickets/" + ticketOfA + "/closure", "{\"reason\":\"done\"}")
                .staffOnly("GET /audit-entries", "/audit-entries", null)
                .verify(owner.partner(), outsider.partner(), List.of(owner.serial(), owner.customer(), ticketOfA, fileOfA));
    }

    @Test
    void aPartnerListsOnlyItsOwnTicketsAndCannotOpenOneForAnother() {
        Desk a = desk();
        Desk b = desk();
        openFor(a);
        openFor(b);
        given().header("Authorization", Tokens.partner(a.partner())).get("/tickets?serial=" + a.serial())
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].partnerId", equalTo(a.partner()));
        open(Tokens.partner(b.partner()), ticketJson(a.partner(), a.customer(), a.serial())).statusCode(404)
                .body(not(containsString(a.partner())));
        open(Tokens.partnerWithoutClaim(), ticketJson(null, a.customer(), a.serial())).statusCode(403);
    }

    @Test
    void anotherPartnersCustomerOrDeviceIsRefusedLikeAnUnknownOneEvenForAnAgent() {
        Desk a = desk();
        Desk b = desk();
        // B's own customer with A's device, A's customer with B's device, an unknown customer
        open(Tokens.partner(b.partner()), ticketJson(null, b.customer(), a.serial())).statusCode(422)
                .body("type", endsWith("/unknown-reference")).body("errors.field", hasItem("serial"));
        open(Tokens.partner(b.partner()), ticketJson(null, a.customer(), b.serial())).statusCode(422)
                .body("errors.field", hasItem("customerId")).body(not(containsString(a.partner())));
        open(Tokens.partner(b.partner()), ticketJson(null, "CU-NOBODY", b.serial())).statusCode(422)
                .body("errors.field", hasItem("customerId"));
        // an agent opening B's ticket is held to B's customers and devices
        open(Tokens.agent(), ticketJson(b.partner(), a.customer(), a.serial())).statusCode(422)
                .body("errors.field", hasItem("customerId"));
        open(Tokens.agent(), ticketJson(b.partner(), b.customer(), a.serial())).statusCode(422)
                .body("errors.field", hasItem("serial"));
        given().header("Authorization", Tokens.agent()).get("/tickets?serial=" + a.serial()).then().body("items", hasSize(0));
    }

    @Test
    void unknownPartnersAreRefusedEverywhereAndSuspendedOnesKeepSupport() {
        String stranger = Tokens.partner("P-NEVER-REGISTERED");
        given().header("Authorization", stranger).get("/tickets").then().statusCode(403)
                .body("type", endsWith("/unknown-partner"));
        Desk a = desk();
        open(stranger, ticketJson(null, a.customer(), a.serial())).statusCode(403).body("type", endsWith("/unknown-partner"));
        // decision (docs/decisions.md): support of devices already sold continues while the certification is suspended
        ProgrammeFacts.certification(a.partner(), "SUSPENDED");
        openFor(a);
    }

    @Test
    void S2_internalNotesAreAgentsOnlyPartnersNeverSeeThemAnywhere() {
        Desk owner = desk();
        String id = openFor(owner);
        given().header("Authorization", Tokens.agent()).contentType("application/json")
                .body("{\"body\":\"INTERNAL-7f3a partner suspected of reselling\",\"internal\":true}")
                .post("/tickets/" + id + "/comments").then().statusCode(201);
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id + "/comments").then().statusCode(200)
                .body(containsString("INTERNAL-7f3a"));
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id).then().body(containsString("INTERNAL-7f3a"));
        String partner = Tokens.partner(owner.partner());
        for (String path : List.of("/tickets/" + id, "/tickets/" + id + "/comments", "/tickets?serial=" + owner.serial(),
                "/tickets/search?serial=" + owner.serial())) {
            given().header("Authorization", partner).get(path).then().statusCode(200)
                    .body(not(containsString("INTERNAL-7f3a"))).body(not(containsString("INTERNAL_NOTE")));
        }
        // nor does a partner write one, and another partner does not comment on the owner's ticket
        given().header("Authorization", partner).contentType("application/json").body("{\"body\":\"x\",\"internal\":true}")
                .post("/tickets/" + id + "/comments").then().statusCode(400).body("errors.field", hasItem("internal"));
        given().header("Authorization", Tokens.partner(desk().partner())).contentType("application/json").body("{\"body\":\"x\"}")
                .post("/tickets/" + id + "/comments").then().statusCode(404);
        given().header("Authorization", Tokens.agent()).get("/tickets/" + id + "/comments").then().body("items", hasSize(1));
    }

    @Test
    void agentChangesAreAudited() {
        String id = openFor(desk());
        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType("application/json")
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200);
        given().header("Authorization", Tokens.admin()).queryParam("entityType", "Ticket").queryParam("entityId", id)
                .get("/audit-entries").then().statusCode(200)
                .body("items[0].action", equalTo("ticket.triaged")).body("items[0].actorRole", equalTo("agent"));
    }
}
