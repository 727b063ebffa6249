package com.poly.daas.ticket;

import static io.restassured.RestAssured.given;

import com.poly.daas.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Request bodies and calls shared by the ticket tests. */
final class TicketFixtures {
    static String serial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static String ticketJson(String partnerId, String customerId, String serial, String country, String subdivision, String zone) {
        return """
                {%s"customerId":"%s","serial":"%s","siteCountry":"%s",%s"timeZone":"%s",
                 "subject":"Handset dead","description":"Power cycle and factory reset did not help."}"""
                .formatted(partnerId == null ? "" : "\"partnerId\":\"" + partnerId + "\",", customerId, serial, country,
                        subdivision == null ? "" : "\"siteSubdivision\":\"" + subdivision + "\",", zone);
    }

    static ValidatableResponse open(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/tickets").then();
    }

    /** Opens a ticket for a partner at a New York site and returns its id. */
    static String openFor(String partnerId, String customerId, String serial) {
        return open(Tokens.partner(partnerId), ticketJson(null, customerId, serial, "US", "NY", "America/New_York"))
                .statusCode(201).extract().path("id");
    }

    private TicketFixtures() {
    }
}
