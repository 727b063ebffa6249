package com.poly.daas.ticket;

import static com.poly.daas.ticket.TicketFixtures.openFor;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.poly.daas.testsupport.MutableClock;
import com.poly.daas.testsupport.RealInfrastructure;
import com.poly.daas.testsupport.ScrapedMetrics;
import com.poly.daas.testsupport.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SLA alert's metric: tickets past their S3 triage due time, as Prometheus scrapes it. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, restrictToAnnotatedClass = false)
class SlaMetricsTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void S3_aTicketStillOpenAfterItsTriageDueTimeCountsAsOverdueUntilTriaged() {
        // Wednesday 10:00 in New York: triage is due one business day (8 business hours) later, Thursday 10:00 local
        TicketFixtures.Desk desk = TicketFixtures.desk();
        clock.set(ZonedDateTime.of(2027, 3, 3, 10, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        ZonedDateTime due = ZonedDateTime.of(2027, 3, 4, 10, 0, 0, 0, NEW_YORK);

        clock.set(due.minusMinutes(1).toInstant());
        long before = overdue();
        clock.set(due.plusMinutes(1).toInstant());
        assertThat(overdue()).isEqualTo(before + 1);

        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200);
        assertThat(overdue()).isEqualTo(before);
    }

    @Test
    void S1_S3_aFirstResponseMilestonePastItsDueInstantCountsUntilAnAgentResponds() {
        // Wednesday 10:00 in New York: the first response is due 4 business hours later, 14:00 local
        TicketFixtures.Desk desk = TicketFixtures.desk();
        clock.set(ZonedDateTime.of(2027, 3, 10, 10, 0, 0, 0, NEW_YORK).toInstant());
        String id = openFor(desk);
        ZonedDateTime due = ZonedDateTime.of(2027, 3, 10, 14, 0, 0, 0, NEW_YORK);

        clock.set(due.minusMinutes(1).toInstant());
        long before = firstResponsesOverdue();
        clock.set(due.plusMinutes(1).toInstant());
        assertThat(firstResponsesOverdue()).isEqualTo(before + 1);

        given().header("Authorization", Tokens.agent()).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"decision\":\"NO_FAULT\"}").post("/tickets/" + id + "/triage").then().statusCode(200);
        assertThat(firstResponsesOverdue()).isEqualTo(before);
    }

    private static long firstResponsesOverdue() {
        return (long) ScrapedMetrics.gauge("daas_tickets_milestones_overdue", "milestone=\"FIRST_RESPONSE\"");
    }

    private static long overdue() {
        return (long) ScrapedMetrics.gauge("daas_tickets_triage_overdue", null);
    }
}
