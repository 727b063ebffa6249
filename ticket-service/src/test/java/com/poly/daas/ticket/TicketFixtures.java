package com.poly.daas.ticket;

import static io.restassured.RestAssured.given;

import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/**
 * Request bodies, calls and the facts tickets need (issue 9): a partner known to ticket-service, one of its customers
 * at a site (from contract-service's events) and devices registered to that customer (from the registry's events).
 */
final class TicketFixtures {
    /** A partner, one of its customers with its site, and a device registered to that customer. */
    record Desk(String partner, String customer, String serial) {
        /** Another device registered to the same customer. */
        String anotherDevice() {
            return device(partner, customer);
        }
    }

    static String serial() {
        return "SN" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A desk at a New York site. */
    static Desk desk() {
        return desk("US", "US-NY", "America/New_York");
    }

    static Desk desk(String country, String subdivision, String zone) {
        String partner = ProgrammeFacts.newPartner();
        String customer = ProgrammeFacts.customer(partner, country, subdivision, zone);
        return new Desk(partner, customer, device(partner, customer));
    }

    /** A serial registered to the partner's customer, as the registry publishes it. */
    static String device(String partner, String customer) {
        String serial = serial();
        ProgrammeFacts.registeredDevice(serial, "CCX-500", partner, customer);
        return serial;
    }

    /** The body of a new ticket; the site is the customer's, so the body carries none. */
    static String ticketJson(String partnerId, String customerId, String serial) {
        return """
                {%s"customerId":"%s","serial":"%s","subject":"Handset dead","description":"Power cycle and factory reset did not help."}"""
                .formatted(partnerId == null ? "" : "\"partnerId\":\"" + partnerId + "\",", customerId, serial);
    }

    static ValidatableResponse open(String token, String body) {
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body).post("/tickets").then();
    }

    /** Opens a ticket as the desk's partner on its device and returns its id. */
    static String openFor(Desk desk) {
        return openFor(desk, desk.serial());
    }

    static String openFor(Desk desk, String serial) {
        return open(Tokens.partner(desk.partner()), ticketJson(null, desk.customer(), serial)).statusCode(201).extract().path("id");
    }

    private TicketFixtures() {
    }
}
