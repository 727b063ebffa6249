package com.poly.daas.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.poly.daas.devstack.DevTokens;
import com.poly.daas.devstack.Infrastructure;
import com.poly.daas.devstack.ServiceProcess;
import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.Topics;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The advance replacement across the five packaged services, through their HTTP APIs only (S3 → A1–A4): every event
 * is produced by the real services and carried by the real broker. A partner's ticket is triaged as a hardware
 * failure, the RMA opens by itself, the replacement ships, is delivered (due date re-based), the defective unit comes
 * back (A2) and the ticket shows each step; in the second journey the unit never comes back and exactly one
 * ReturnOverdue is published, even with two rma-service replicas scanning.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningSuite.Resolver.class)
class AdvanceReplacementJourneyTest {
    static RunningSuite running;
    static String admin = "Bearer " + DevTokens.staff("admin");
    static String agent = "Bearer " + DevTokens.staff("agent");
    static String partnerId;
    static String partner;
    static String customerId;
    static String contractId;
    static String sku;

    @BeforeAll
    static void start(RunningSuite suite) {
        running = suite;
        programmeSetUp();
    }

    static RequestSpecification at(String service, String token) {
        return running.at(service, token);
    }

    /** A certified partner, its US customer with an active 36-month contract, and a DaaS desk phone model. */
    static void programmeSetUp() {
        Programme programme = new Programme(running);
        Programme.Partner journey = programme.certifiedPartner("Journey partner");
        partnerId = journey.id();
        partner = journey.token();
        customerId = programme.usCustomer(journey, "Contoso Journeys", null, "America/New_York");
        contractId = programme.activeContract(journey, customerId, 36);
        sku = "J" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        at("device-registry-service", admin).body("""
                {"sku":"%s","name":"Poly Journey Phone","family":"CCX","category":"DESK_PHONE","daasEligible":true}""".formatted(sku))
                .post("/models").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner)
                .get("/model-eligibility/" + sku).then().statusCode(200).body("enrollable", equalTo(true)));
        installedBase(60);
    }

    /**
     * The customer's phones in service since January (E5): with 60 devices under contract all year, its first RMA of the
     * year is below the 2 % threshold, so a unit returned in time costs nothing at all (no E5 charge either).
     */
    static void installedBase(int devices) {
        StringBuilder registrations = new StringBuilder();
        StringBuilder enrolments = new StringBuilder();
        for (int i = 0; i < devices; i++) {
            String serial = serial();
            registrations.append(i == 0 ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","customerId":"%s","deliveredOn":"2026-01-05"}""".formatted(serial, sku, customerId));
            enrolments.append(i == 0 ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","option":"STANDARD"}""".formatted(serial, sku));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("device-registry-service", partner)
                .body("{\"devices\":[" + registrations + "]}").post("/devices/bulk").then().statusCode(200));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner)
                .body("{\"devices\":[" + enrolments + "]}").post("/contracts/" + contractId + "/devices").then().statusCode(201));
        int year = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Double.parseDouble(at("rma-service", partner)
                .get("/customers/" + customerId + "/rma-rates/" + year).then().statusCode(200).body("rmasAuthorised", equalTo(0))
                .extract().<String>path("installedBase"))).isGreaterThanOrEqualTo(devices));
    }

    static String serial() {
        return Programme.unique("SN");
    }

    /** The partner registers and enrols a delivered device (P3) and a spare unit of the same model. */
    static String[] coveredDeviceAndSpare() {
        String device = serial();
        String spare = serial();
        // issue 9: the registry learns the customer, then contract-service the registrations, from events (seconds)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("device-registry-service", partner).body("""
                {"serial":"%s","sku":"%s","customerId":"%s","deliveredOn":"2026-10-01"}""".formatted(device, sku, customerId))
                .post("/devices").then().statusCode(201));
        at("device-registry-service", partner).body("""
                {"serial":"%s","sku":"%s","customerId":"%s"}""".formatted(spare, sku, customerId))
                .post("/devices").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("contract-service", partner).body("""
                {"devices":[{"serial":"%s","sku":"%s","option":"STANDARD","deliveredOn":"2026-10-01"}]}""".formatted(device, sku))
                .post("/contracts/" + contractId + "/devices").then().statusCode(201));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).get("/coverage/" + device)
                .then().statusCode(200).body("covered", equalTo(true)));
        return new String[] {device, spare};
    }

    /** The partner opens a ticket; an agent triages it as a hardware failure (S3). Returns the ticket id. */
    static String triagedTicket(String device) {
        // the ticket's site is the customer's record (S1); ticket-service learns customer and device from events
        String ticketId = await().atMost(Duration.ofSeconds(60)).until(() -> at("ticket-service", partner).body("""
                {"customerId":"%s","serial":"%s",
                 "subject":"Handset dead","description":"Power cycle and factory reset did not help."}""".formatted(customerId, device))
                .post("/tickets").then().extract(), r -> r.statusCode() == 201).path("id");
        at("ticket-service", agent).header("If-Match", "\"0\"")
                .body("{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"HARDWARE_FAILURE\",\"note\":\"PSU board dead\"}")
                .post("/tickets/" + ticketId + "/triage").then().statusCode(200);
        return ticketId;
    }

    /** The RMA rma-service opened by itself from the ticket's HardwareFailureConfirmed (A1). */
    static JsonPath rmaOpenedFor(String device, String ticketId) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", partner).queryParam("serial", device)
                .get("/rmas").then().statusCode(200).body("items", hasSize(1)).body("items[0].ticketId", equalTo(ticketId)));
        return at("rma-service", partner).queryParam("serial", device).get("/rmas").then().extract().jsonPath();
    }

    /** An agent ships the spare (carrier, tracking) and confirms its delivery today (A3 re-basing). Returns the RMA's ETag. */
    static int shipAndDeliver(String rmaId, String spare) {
        // the spare's registration reaches rma-service's registry replica through the broker
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).header("If-Match", "\"0\"")
                .body("{\"replacementSerial\":\"" + spare + "\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + spare + "\"}")
                .post("/rmas/" + rmaId + "/shipment").then().statusCode(200).body("status", equalTo("SHIPPED")));
        JsonPath delivered = at("rma-service", agent).header("If-Match", "\"1\"").body("{}")
                .post("/rmas/" + rmaId + "/delivery").then().statusCode(200).body("status", equalTo("DELIVERED"))
                .extract().jsonPath();
        LocalDate deliveredOn = LocalDate.parse(delivered.getString("deliveredOn"));
        // A3: 10 business days after the receipt span at least 12 calendar days (two weekends)
        assertThat(LocalDate.parse(delivered.getString("returnDueOn"))).isAfterOrEqualTo(deliveredOn.plusDays(12));
        assertThat(delivered.getInt("businessDaysLeft")).isEqualTo(10);
        return 2;
    }

    static JsonPath ticket(String ticketId) {
        return at("ticket-service", partner).get("/tickets/" + ticketId).then().statusCode(200).extract().jsonPath();
    }

    static List<EventEnvelope> rmaEvents(String rmaId, Duration within) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, running.infrastructure.endpoints().kafkaBootstrap());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "journey-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.RMAS));
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (rmaId.equals(r.key())) {
                        events.add(EventJson.readEnvelope(r.value()));
                    }
                });
            }
        }
        return events;
    }

    @Test
    @Order(1)
    void S3_A1_A2_A3_P4_ticketTriagedRmaShipsIsDeliveredTheUnitComesBackInTimeNoChargeAndTheReplacementInheritsThePeriod() {
        String[] units = coveredDeviceAndSpare();
        String device = units[0];
        String spare = units[1];
        String ticketId = triagedTicket(device);

        JsonPath rmas = rmaOpenedFor(device, ticketId);
        String rmaId = rmas.getString("items[0].id");
        assertThat(rmas.getString("items[0].status")).isEqualTo("AUTHORISED");
        assertThat(rmas.getString("items[0].contractId")).isEqualTo(contractId);
        assertThat(rmas.getString("items[0].returnAddress")).contains("Memphis");
        // A1: shipped the authorisation day or the next business day, for delivery the business day after shipping
        LocalDate authorisedOn = java.time.Instant.parse(rmas.getString("items[0].authorisedAt"))
                .atZone(java.time.ZoneId.of("America/Chicago")).toLocalDate();
        LocalDate shipDate = LocalDate.parse(rmas.getString("items[0].shipDate"));
        LocalDate expectedDelivery = LocalDate.parse(rmas.getString("items[0].expectedDeliveryOn"));
        assertThat(shipDate).isAfterOrEqualTo(authorisedOn).isBeforeOrEqualTo(authorisedOn.plusDays(5));
        assertThat(shipDate.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        assertThat(expectedDelivery).isAfter(shipDate).isBeforeOrEqualTo(shipDate.plusDays(5));
        assertThat(expectedDelivery.getDayOfWeek()).isNotIn(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(ticket(ticketId).getString("rmaId")).isEqualTo(rmaId));

        shipAndDeliver(rmaId, spare);
        at("rma-service", agent).header("If-Match", "\"2\"").body("{}").post("/rmas/" + rmaId + "/return-receipt")
                .then().statusCode(200).body("status", equalTo("RECEIVED")).body("polyProperty", equalTo(true))
                .body("receivedLate", equalTo(false));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath view = ticket(ticketId);
            assertThat(view.getList("timeline.step", String.class)).containsExactly("OPENED", "TRIAGED", "RMA_AUTHORISED",
                    "REPLACEMENT_SHIPPED", "REPLACEMENT_DELIVERED", "DEFECTIVE_UNIT_RECEIVED");
            assertThat(view.getString("rmaStatus")).isEqualTo("RECEIVED");
            assertThat(view.getString("timeline[3].detail")).contains("1Z" + spare);
        });
        // A2 and P4 in the other services: the unit is Poly's property, the spare took over the original's period
        // (delivered 1 October 2026, 36 months: the same start and end, never restarted)
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            at("device-registry-service", partner).get("/devices/" + device).then().statusCode(200)
                    .body("status", equalTo("POLY_PROPERTY"));
            at("contract-service", partner).queryParam("serial", spare).queryParam("cause", "HARDWARE_FAILURE").get("/coverage")
                    .then().statusCode(200).body("decision", equalTo("COVERED")).body("replacesSerial", equalTo(device))
                    .body("period.start", equalTo("2026-10-01")).body("period.end", equalTo("2029-10-01"));
        });

        // P4: the replacement is covered for an RMA of its own: its own ticket, triaged, opens its own RMA
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", partner).get("/coverage/" + spare)
                .then().statusCode(200).body("covered", equalTo(true)));
        String spareTicketId = triagedTicket(spare);
        JsonPath spareRmas = rmaOpenedFor(spare, spareTicketId);
        assertThat(spareRmas.getString("items[0].status")).isEqualTo("AUTHORISED");
        assertThat(spareRmas.getString("items[0].id")).isNotEqualTo(rmaId);

        // no charge: a month later (demo clock) the returned unit is not overdue and billing shows no charge for its
        // RMA, while a unit of the same customer that never came back is charged (A4) by then
        String[] other = coveredDeviceAndSpare();
        String unreturnedRma = rmaOpenedFor(other[0], triagedTicket(other[0])).getString("items[0].id");
        shipAndDeliver(unreturnedRma, other[1]);
        running.demoClock("{\"advance\":\"P30D\"}");
        try {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("billing-service", partner)
                    .queryParam("rmaId", unreturnedRma).queryParam("cause", "UNRETURNED_UNIT").get("/charges").then()
                    .statusCode(200).body("items", hasSize(1)).body("items[0].rules", org.hamcrest.Matchers.hasItem("A4")));
            at("rma-service", partner).get("/rmas/" + rmaId).then().statusCode(200).body("status", equalTo("RECEIVED"))
                    .body("overdueOn", org.hamcrest.Matchers.nullValue());
            assertThat(ticket(ticketId).getList("timeline.step", String.class)).doesNotContain("RETURN_OVERDUE");
            at("billing-service", partner).queryParam("rmaId", rmaId).get("/charges").then().statusCode(200)
                    .body("items", hasSize(0));
        } finally {
            running.demoClock("{\"reset\":true}");
        }
    }

    @Test
    @Order(2)
    void A3_A4_aUnitThatNeverComesBackIsReportedOverdueExactlyOnceEvenWithTwoReplicasScanning() throws Exception {
        String[] units = coveredDeviceAndSpare();
        String device = units[0];
        String ticketId = triagedTicket(device);
        String rmaId = rmaOpenedFor(device, ticketId).getString("items[0].id");
        shipAndDeliver(rmaId, units[1]);

        // a second rma-service replica whose clock is 30 days ahead: past the due date for it, both scan every 2 s
        try (ServiceProcess later = ServiceProcess.start(running.root, "rma-service", Infrastructure.freePort(),
                running.infrastructure.endpoints(), running.key(), running.dir.resolve("logs-later"),
                Map.of("QUARKUS_PROFILE", "demo", "DAAS_CLOCK_OFFSET", "P30D", "DAAS_RMAS_OVERDUE_SCAN_EVERY", "1s"))) {
            later.awaitReady(Duration.ofMinutes(2));
            // issue 14: that replica runs the demo profile; its clock is for admins only
            given().baseUri(later.url()).header("Authorization", partner).get("/demo/clock").then().statusCode(403)
                    .contentType("application/problem+json");
            given().baseUri(later.url()).header("Authorization", admin).get("/demo/clock").then().statusCode(200)
                    .body("offset", equalTo("PT720H"));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> at("rma-service", agent).get("/rmas/" + rmaId)
                    .then().statusCode(200).body("status", equalTo("OVERDUE")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonPath view = ticket(ticketId);
                assertThat(view.getString("rmaStatus")).isEqualTo("OVERDUE");
                assertThat(view.getList("timeline.step", String.class)).contains("RETURN_OVERDUE");
            });
            // both replicas keep scanning: still exactly one ReturnOverdue for this return obligation (B3 for billing)
            List<EventEnvelope> events = rmaEvents(rmaId, Duration.ofSeconds(8));
            List<EventEnvelope> overdue = events.stream().filter(e -> e.type().equals("ReturnOverdue")).toList();
            assertThat(overdue).hasSize(1);
            var payload = overdue.get(0).payload();
            assertThat(payload.get("partnerId").asText()).isEqualTo(partnerId);
            assertThat(payload.get("customerId").asText()).isEqualTo(customerId);
            assertThat(payload.get("contractId").asText()).isEqualTo(contractId);
            assertThat(payload.get("serial").asText()).isEqualTo(device);
            assertThat(payload.get("sku").asText()).isEqualTo(sku);
            assertThat(payload.get("priceList").asText()).isEqualTo("NA-USD");
            assertThat(payload.get("currency").asText()).isEqualTo("USD");
            at("rma-service", agent).queryParam("limit", 200).get("/rmas/overdue").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(rmaId));
        }
    }
}
