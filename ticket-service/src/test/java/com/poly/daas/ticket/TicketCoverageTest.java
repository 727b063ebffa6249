package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.desk;
import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.poly.daas.events.Topics;
import com.poly.daas.events.contracts.DeviceCoverageEnded;
import com.poly.daas.events.contracts.DeviceEnrolled;
import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.ProgrammeFacts;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.Tokens;
import com.poly.daas.ticket.TicketFixtures.Desk;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Issue 13: the ticket shows the device's coverage on the day it opens, from contract-service's events (P3, E1). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class TicketCoverageTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** contract-service enrols the desk's device, as its outbox publishes it, and ticket-service applies it. */
    private static String enrolled(Desk desk, LocalDate start, LocalDate end, String option) {
        String contract = "C-" + UUID.randomUUID();
        ProgrammeFacts.applied(Topics.CONTRACTS, new DeviceEnrolled(contract, desk.serial(), "CCX-500", desk.partner(),
                desk.customer(), "US", start, end, option, null, null, null), "contract-service");
        return contract;
    }

    private static io.restassured.response.ValidatableResponse ticket(Desk desk, String id) {
        return given().header("Authorization", Tokens.partner(desk.partner())).get("/tickets/" + id).then().statusCode(200);
    }

    @Test
    void P3_aCoveredDeviceShowsItsContractOptionAndPeriodEnd() {
        Desk desk = desk();
        String contract = enrolled(desk, LocalDate.of(2026, 1, 15), LocalDate.of(2029, 1, 15), "EXTENDED");
        // 23:30 in New York on 14 January 2027 is already the 15th in UTC: the site's day counts
        clock.set(ZonedDateTime.of(2027, 1, 14, 23, 30, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        ticket(desk, id).body("coverage.covered", equalTo(true)).body("coverage.day", equalTo("2027-01-14"))
                .body("coverage.contractId", equalTo(contract)).body("coverage.option", equalTo("EXTENDED"))
                .body("coverage.periodEnd", equalTo("2029-01-15")).body("coverage.rule", nullValue());
    }

    @Test
    void P3_aDeviceNotYetDeliveredStillGetsATicketFlaggedNotCovered() {
        Desk desk = desk();
        enrolled(desk, null, null, "STANDARD");
        String id = openFor(desk);
        ticket(desk, id).body("status", equalTo("OPEN")).body("coverage.covered", equalTo(false))
                .body("coverage.rule", equalTo("P3")).body("coverage.reason", containsString("delivery date is not reported"))
                .body("coverage.option", equalTo("STANDARD"));
    }

    @Test
    void P3_anExpiredOrEndedCoverageIsFlaggedWithItsEnd() {
        Desk desk = desk();
        enrolled(desk, LocalDate.of(2023, 3, 1), LocalDate.of(2025, 3, 1), "STANDARD");
        clock.set(ZonedDateTime.of(2026, 6, 10, 10, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        ticket(desk, id).body("coverage.covered", equalTo(false)).body("coverage.rule", equalTo("P3"))
                .body("coverage.periodEnd", equalTo("2025-03-01")).body("coverage.reason", containsString("ended on 2025-03-01"));

        // the contract ended the coverage early (terminated): the first uncovered day is the end
        Desk other = desk();
        String contract = enrolled(other, LocalDate.of(2026, 1, 1), LocalDate.of(2029, 1, 1), "STANDARD");
        ProgrammeFacts.applied(Topics.CONTRACTS, new DeviceCoverageEnded(contract, other.serial(), other.partner(),
                LocalDate.of(2026, 5, 1), "CONTRACT_TERMINATED"), "contract-service");
        String ended = openFor(other);
        ticket(other, ended).body("coverage.covered", equalTo(false)).body("coverage.periodEnd", equalTo("2026-05-01"))
                .body("coverage.reason", containsString("CONTRACT_TERMINATED"));
    }

    @Test
    void P3_aDeviceWithNoContractIsFlaggedAndAnotherPartnersContractDoesNotCoverIt() {
        Desk desk = desk();
        Desk other = desk();
        // the other partner's contract names the same serial: it is not this partner's coverage
        ProgrammeFacts.applied(Topics.CONTRACTS, new DeviceEnrolled("C-" + UUID.randomUUID(), desk.serial(), "CCX-500",
                other.partner(), other.customer(), "US", LocalDate.of(2025, 1, 1), LocalDate.of(2030, 1, 1), "STANDARD",
                null, null, null), "contract-service");
        String id = openFor(desk);
        ticket(desk, id).body("coverage.covered", equalTo(false)).body("coverage.rule", equalTo("P3"))
                .body("coverage.contractId", nullValue());
    }
}
