package com.poly.daas.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code ./daas demo} (issue 14): journeys 2, 3 and 4 against the suite {@code ./daas run} started (ports 8081-8085),
 * through the HTTP APIs only, as a partner's ERP and Poly's agents do, printing each step, each call and what it
 * answered. The demo clock of the five services moves the days: the programme's day-long clocks (A1 next business day,
 * A3 ten business days, monthly invoices) pass in seconds. Every run works on a new partner, so it can be repeated.
 *
 * <pre>
 *   set-up    catalogue (list price), certified partner, its New York customer, contract, 100 phones delivered (P1-P3)
 *   journey 2 ticket, hardware fault (S3), RMA, replacement ships next business day (A1), delivered, defective unit
 *             back in time (A3, A2): no charge; the replacement finishes the original's period (P4)
 *   journey 3 a unit never returned: overdue (A3), penalty at list price (A4, B2)
 *   journey 4 spill on a standard phone refused, on an extended phone covered, fire never (E2-E4); RMAs above 2 % a year
 *             (E5): pending charges, one approved, one waived; the next invoice carries the penalties (B1, B2)
 * </pre>
 */
public final class Demo {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "Bearer " + DevTokens.staff("admin");
    private static final String AGENT = "Bearer " + DevTokens.staff("agent");
    private static final Duration EVENTS = Duration.ofSeconds(60);
    private static final int DEVICES = 100;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String partnerId = "P-DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final String partner = "Bearer " + DevTokens.partner(partnerId);
    private final String sku = "DEMO-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    private final List<String> phones = new ArrayList<>();
    private final List<String> spares = new ArrayList<>();
    private String customerId;
    private String contractId;
    private int step;

    /** One HTTP answer. */
    record Answer(int status, String etag, JsonNode body) {
        String text(String field) {
            JsonNode node = body.at(field.startsWith("/") ? field : "/" + field.replace('.', '/'));
            return node.isMissingNode() || node.isNull() ? null : node.asText();
        }
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Demo demo = new Demo();
        try {
            demo.run();
        } catch (DemoFailed e) {
            System.out.println();
            System.out.println("DEMO STOPPED: " + e.getMessage());
            System.exit(1);
        }
        System.out.printf("%ndemo finished in %.1f s (wall time)%n", (System.nanoTime() - started) / 1e9);
    }

    private void run() throws Exception {
        for (var service : Suite.LOCAL_PORTS.entrySet()) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(url(service.getKey(), "/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new DemoFailed(service.getKey() + " is not reachable on port " + service.getValue()
                        + ": start the suite first with ./daas run (in another terminal)");
            }
        }
        call(null, ADMIN, "GET", "rma-service", "/demo/clock", null, 200); // the suite runs the demo profile
        // next January (real time): a new programme year, so the installed base of E5 is simply today's count
        LocalDate start = LocalDate.of(java.time.Year.now(ZoneOffset.UTC).getValue() + 1, 1, 10)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
        setUp(start);
        journey2(start);
        journey3(start);
        journey4(start);
        invoices(start);
        title("done. The demo clock stays where the demo left it: ./daas clock reset brings back real time");
    }

    // ---- set-up (journey 1 in short)

    private void setUp(LocalDate start) throws Exception {
        title("SET-UP  Poly's catalogue, a certified partner, its customer, a contract and " + DEVICES + " phones (P1-P3)");
        clock("{\"set\":\"" + start + "T15:00:00Z\"}", "the demo clock goes to " + start + " 10:00 in New York ("
                + start.getDayOfWeek() + ")");
        say("Poly catalogues a desk phone (voice: may take the extended option, E3) and publishes its list price (A4, B2)");
        call("Poly admin", ADMIN, "POST", "device-registry-service", "/models", """
                {"sku":"%s","name":"Poly Demo Desk Phone","family":"CCX","category":"DESK_PHONE","daasEligible":true}"""
                .formatted(sku), 201);
        call("Poly admin", ADMIN, "POST", "device-registry-service", "/models/" + sku + "/prices", """
                {"priceList":"NA-USD","price":{"amount":"199.00","currency":"USD"},"validFrom":"%s"}"""
                .formatted(start.minusMonths(1).withDayOfMonth(1)), 201);
        say("Poly certifies a partner (P1); the partner's ERP adds its customer in New York (P2) and a 36-month contract");
        call("Poly admin", ADMIN, "POST", "contract-service", "/partners", """
                {"id":"%s","name":"Demo Unified Communications","certificationStatus":"ACTIVE","certifiedFrom":"2020-01-01","certifiedUntil":"2099-12-31"}"""
                .formatted(partnerId), 201);
        customerId = call("partner ERP", partner, "POST", "contract-service", "/customers", """
                {"legalName":"Contoso Dental Clinics","country":"US","subdivision":"US-NY","timeZone":"America/New_York"}""", 201)
                .text("id");
        contractId = call("partner ERP", partner, "POST", "contract-service", "/contracts", """
                {"customerId":"%s","termMonths":36,"monthlyFee":{"amount":"24.90","currency":"USD"},"extendedCoverageFee":{"amount":"3.50","currency":"USD"}}"""
                .formatted(customerId), 201).text("id");
        String etag = call("partner ERP", partner, "GET", "contract-service", "/contracts/" + contractId, null, 200).etag();
        call("partner ERP", partner, "POST", "contract-service", "/contracts/" + contractId + "/activation", null, 200,
                "If-Match", etag);

        LocalDate delivered = start.minusMonths(1).withDayOfMonth(1);
        say("the partner registers " + DEVICES + " phones the distributor delivered on " + delivered
                + " (P3: each period starts that day) and two spare units for advance replacements");
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < DEVICES + 2; i++) {
            String serial = "DM" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
            (i < DEVICES ? phones : spares).add(serial);
            rows.append(i == 0 ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","customerId":"%s"%s}""".formatted(serial, sku, customerId,
                    i < DEVICES ? ",\"deliveredOn\":\"" + delivered + "\"" : ""));
        }
        // the registry learns the new customer from contract-service's events (seconds)
        until("partner ERP", partner, "POST", "device-registry-service", "/devices/bulk", "{\"devices\":[" + rows + "]}",
                a -> a.status() == 200);
        say("the partner enrols them at the sale (E1): phone 1 STANDARD, the other " + (DEVICES - 1) + " EXTENDED");
        StringBuilder enrol = new StringBuilder();
        for (int i = 0; i < DEVICES; i++) {
            enrol.append(i == 0 ? "" : ",").append("""
                    {"serial":"%s","sku":"%s","option":"%s"}""".formatted(phones.get(i), sku, i == 0 ? "STANDARD" : "EXTENDED"));
        }
        Answer enrolled = until("partner ERP", partner, "POST", "contract-service", "/contracts/" + contractId + "/devices",
                "{\"devices\":[" + enrol + "]}", a -> a.status() == 201);
        result("phone 2 covered " + enrolled.text("/devices/1/period/start") + " to " + enrolled.text("/devices/1/period/end")
                + " (end exclusive), option " + enrolled.text("/devices/1/option"));
        until("partner ERP", partner, "GET", "rma-service", "/customers/" + customerId + "/rma-rates/" + start.getYear(), null,
                a -> a.status() == 200 && ("" + DEVICES + ".0000").equals(a.text("installedBase")));
    }

    // ---- journey 2: advance replacement, the defective unit back in time

    private void journey2(LocalDate start) throws Exception {
        title("JOURNEY 2  advance replacement; the defective unit comes back in time: no charge (S3, A1-A3, A2, P4)");
        String device = phones.get(1);
        String rmaId = replacementOnItsWay(device, spares.get(0));
        clock("{\"advance\":\"P3D\"}", "three days later");
        say("the defective unit reaches the Memphis service centre: it is Poly's property (A2), in time (A3)");
        Answer received = call("Poly agent", AGENT, "POST", "rma-service", "/rmas/" + rmaId + "/return-receipt", "{}", 200,
                "If-Match", "\"2\"");
        result("status " + received.text("status") + ", received late: " + received.text("receivedLate") + ", Poly property: "
                + received.text("polyProperty"));
        say("P4: the replacement is covered for the rest of the original's period (never restarted nor extended)");
        Answer coverage = until("partner ERP", partner, "GET", "contract-service",
                "/coverage?serial=" + spares.get(0) + "&cause=HARDWARE_FAILURE", null,
                a -> a.status() == 200 && device.equals(a.text("replacesSerial")));
        result(coverage.text("decision") + ", period " + coverage.text("period.start") + " to " + coverage.text("period.end")
                + ", replaces " + coverage.text("replacesSerial"));
        say("billing shows no charge for this RMA");
        Answer charges = call("partner ERP", partner, "GET", "billing-service", "/charges?rmaId=" + rmaId, null, 200);
        result(charges.body().path("items").size() + " charges for RMA " + rmaId);
        expect(charges.body().path("items").size() == 0, "a unit returned in time is never charged");
    }

    // ---- journey 3: the unit never comes back

    private void journey3(LocalDate start) throws Exception {
        title("JOURNEY 3  a defective unit that never comes back: overdue, penalty at list price (A3, A4, B2)");
        String device = phones.get(2);
        String rmaId = replacementOnItsWay(device, spares.get(1));
        Answer rma = call("partner ERP", partner, "GET", "rma-service", "/rmas/" + rmaId, null, 200);
        LocalDate due = LocalDate.parse(rma.text("returnDueOn"));
        clock("{\"set\":\"" + due.plusDays(2) + "T15:00:00Z\"}", "two days after the return due date " + due
                + ": the unit has not come back");
        say("rma-service's overdue scan reports it overdue (A3 -> A4)");
        Answer overdue = until("Poly agent", AGENT, "GET", "rma-service", "/rmas/" + rmaId, null,
                a -> "OVERDUE".equals(a.text("status")));
        result("status " + overdue.text("status") + ", overdue on " + overdue.text("overdueOn"));
        say("billing raises the penalty at the list price in force that day (A4, B2), approved from the start");
        Answer charge = until("partner ERP", partner, "GET", "billing-service", "/charges?rmaId=" + rmaId + "&cause=UNRETURNED_UNIT",
                null, a -> a.status() == 200 && a.body().path("items").size() == 1);
        result(describeCharge(charge.body().path("items").path(0)));
    }

    // ---- journey 4: damage, exclusions and the 2 % threshold

    private void journey4(LocalDate start) throws Exception {
        title("JOURNEY 4  spills, fire and the annual 2 % RMA threshold (E2-E5)");
        String year = "" + LocalDate.parse(call(null, ADMIN, "GET", "rma-service", "/demo/clock", null, 200).text("now")
                .substring(0, 10)).getYear();
        Answer rate = call("partner ERP", partner, "GET", "rma-service", "/customers/" + customerId + "/rma-rates/" + year, null, 200);
        result(rate.text("rmasAuthorised") + " RMAs this year for " + rate.text("installedBase") + " devices: "
                + rate.text("ratePercent") + " %, above the " + rate.text("thresholdPercent") + " % threshold: "
                + rate.text("aboveThreshold"));

        say("coffee spilled on phone 1 (STANDARD): the partner's ticket, triaged as a liquid spill, is refused (E2)");
        String refused = triagedTicket(phones.get(0), "LIQUID_SPILL");
        Answer ticket = until("partner ERP", partner, "GET", "ticket-service", "/tickets/" + refused, null,
                a -> "REFUSED".equals(a.text("rmaStatus")));
        result("ticket's RMA " + ticket.text("rmaStatus") + ": " + refusal(ticket.body()));

        say("the same spill on phone 4 (EXTENDED, a voice device): covered, the RMA is authorised (E2, E3)");
        String covered = triagedTicket(phones.get(3), "LIQUID_SPILL");
        Answer coveredTicket = until("partner ERP", partner, "GET", "ticket-service", "/tickets/" + covered, null,
                a -> "AUTHORISED".equals(a.text("rmaStatus")));
        String spillRma = coveredTicket.text("rmaId");
        result("ticket's RMA " + spillRma + " " + coveredTicket.text("rmaStatus"));

        say("a fire destroyed phone 5 (EXTENDED): never covered (E4)");
        Answer fire = agentRma(phones.get(4), "FIRE", 422);
        result(fire.text("rule") + ": " + fire.text("detail"));

        say("another hardware failure on phone 6");
        String failureRma = agentRma(phones.get(5), "HARDWARE_FAILURE", 201).text("id");
        Answer above = until("partner ERP", partner, "GET", "rma-service", "/customers/" + customerId + "/rma-rates/" + year, null,
                a -> "4".equals(a.text("rmasAuthorised")));
        result(above.text("rmasAuthorised") + " RMAs for " + above.text("installedBase") + " devices: " + above.text("ratePercent")
                + " %, above the threshold: " + above.text("aboveThreshold"));

        say("E5: each RMA above the threshold is a PENDING charge in the agents' queue, never billed automatically");
        Answer queue = until("Poly agent", AGENT, "GET", "billing-service", "/charge-queue?customerId=" + customerId + "&status=PENDING",
                null, a -> a.body().path("items").size() >= 2);
        JsonNode toApprove = null;
        JsonNode toWaive = null;
        for (JsonNode c : queue.body().path("items")) {
            result(describeCharge(c));
            toApprove = spillRma.equals(c.path("rmaId").asText()) ? c : toApprove;
            toWaive = failureRma.equals(c.path("rmaId").asText()) ? c : toWaive;
        }
        expect(toApprove != null && toWaive != null, "both RMAs above the threshold are pending charges");
        say("an agent approves the spill's charge and waives the other, each with the reason");
        decide(toApprove.path("id").asText(), "approval", "Above 2 % this year; agreed with the partner");
        decide(toWaive.path("id").asText(), "waiver", "Goodwill: first year of the roll-out");
    }

    // ---- the next invoice

    private void invoices(LocalDate start) throws Exception {
        Instant now = Instant.parse(call(null, ADMIN, "GET", "billing-service", "/demo/clock", null, 200).text("now"));
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        title("THE NEXT INVOICE  " + month + ": device fees (B1) and the approved penalties (B2); the waived charge never");
        clock("{\"set\":\"" + month.plusMonths(1).atDay(1) + "T12:00:00Z\"}", month + " has ended");
        say("an admin runs the month's invoicing on demand (B1; B3: a contract is never invoiced twice for a month)");
        call("Poly admin", ADMIN, "POST", "billing-service", "/invoice-runs", "{\"month\":\"" + month + "\"}", 201,
                "Idempotency-Key", UUID.randomUUID().toString());
        Answer invoices = call("partner ERP", partner, "GET", "billing-service",
                "/invoices?contractId=" + contractId + "&month=" + month, null, 200);
        JsonNode invoice = invoices.body().path("items").path(0);
        expect(!invoice.isMissingNode(), "the contract has its invoice for " + month);
        int devices = 0;
        JsonNode firstDevice = null;
        for (JsonNode line : invoice.path("lines")) {
            if ("DEVICE".equals(line.path("kind").asText())) {
                devices++;
                firstDevice = firstDevice == null ? line : firstDevice;
            } else {
                result("line " + line.path("kind").asText() + "  RMA " + line.path("rmaId").asText() + "  " + money(line.path("amount"))
                        + "  rules " + line.path("rules"));
            }
        }
        if (firstDevice != null) {
            result("line DEVICE x " + devices + ", e.g. " + firstDevice.path("serial").asText() + " " + firstDevice.path("option").asText()
                    + " " + firstDevice.path("days").asText() + "/" + firstDevice.path("daysInMonth").asText() + " days: "
                    + money(firstDevice.path("amount")));
        }
        result("invoice " + invoice.path("id").asText() + " total " + money(invoice.path("total")));
    }

    // ---- the actors' steps

    /** The partner's ticket, an agent's hardware-failure triage, the RMA, the replacement shipped and delivered. */
    private String replacementOnItsWay(String device, String spare) throws Exception {
        say("the partner's end user reports a dead phone; the partner troubleshoots, then opens a ticket (S2, S3)");
        String ticketId = triagedTicket(device, "HARDWARE_FAILURE");
        say("the RMA opens by itself from the triage (A1): ship date and expected delivery, return address");
        Answer rma = until("partner ERP", partner, "GET", "rma-service", "/rmas?serial=" + device, null,
                a -> a.body().path("items").size() == 1);
        JsonNode r = rma.body().path("items").path(0);
        String rmaId = r.path("id").asText();
        result("RMA " + rmaId + " " + r.path("status").asText() + ", ships " + r.path("shipDate").asText() + ", delivery expected "
                + r.path("expectedDeliveryOn").asText() + ", return to " + r.path("returnAddress").asText());
        say("Poly's service centre ships the spare, freight paid (A1); the carrier confirms delivery (A3 clock re-based)");
        until("Poly agent", AGENT, "POST", "rma-service", "/rmas/" + rmaId + "/shipment",
                "{\"replacementSerial\":\"" + spare + "\",\"carrier\":\"UPS\",\"trackingNumber\":\"1Z" + spare + "\"}",
                a -> a.status() == 200, "If-Match", "\"0\"");
        Answer delivered = call("Poly agent", AGENT, "POST", "rma-service", "/rmas/" + rmaId + "/delivery", "{}", 200,
                "If-Match", "\"1\"");
        result("delivered " + delivered.text("deliveredOn") + ": the defective unit is due back by " + delivered.text("returnDueOn")
                + " (" + delivered.text("businessDaysLeft") + " business days, A3)");
        Answer timeline = until("partner ERP", partner, "GET", "ticket-service", "/tickets/" + ticketId, null,
                a -> "DELIVERED".equals(a.text("rmaStatus")));
        List<String> steps = new ArrayList<>();
        timeline.body().path("timeline").forEach(s -> steps.add(s.path("step").asText()));
        result("the partner's ticket shows " + String.join(" > ", steps));
        return rmaId;
    }

    private String triagedTicket(String device, String cause) throws Exception {
        String subject = "HARDWARE_FAILURE".equals(cause) ? "Phone out of order" : "Coffee spilled on the phone";
        Answer ticket = until("partner ERP", partner, "POST", "ticket-service", "/tickets", """
                {"customerId":"%s","serial":"%s","subject":"%s","description":"The partner checked power, cabling and a factory reset."}"""
                .formatted(customerId, device, subject), a -> a.status() == 201);
        result("ticket " + ticket.text("id") + ", first response due " + ticket.text("firstResponseDueLocal") + " (S1)");
        call("Poly agent", AGENT, "POST", "ticket-service", "/tickets/" + ticket.text("id") + "/triage",
                "{\"decision\":\"HARDWARE_FAILURE\",\"cause\":\"" + cause + "\",\"note\":\"Confirmed by remote diagnostics\"}", 200,
                "If-Match", "\"0\"");
        return ticket.text("id");
    }

    private Answer agentRma(String serial, String cause, int expected) throws Exception {
        return call("Poly agent", AGENT, "POST", "rma-service", "/rmas", """
                {"partnerId":"%s","serial":"%s","cause":"%s","reason":"Reported by the partner by phone",
                 "shipTo":{"country":"US","subdivision":"NY","timeZone":"America/New_York"}}""".formatted(partnerId, serial, cause),
                expected, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private void decide(String chargeId, String decision, String reason) throws Exception {
        String etag = call("Poly agent", AGENT, "GET", "billing-service", "/charges/" + chargeId, null, 200).etag();
        Answer decided = call("Poly agent", AGENT, "POST", "billing-service", "/charges/" + chargeId + "/" + decision,
                "{\"reason\":\"" + reason + "\"}", 200, "If-Match", etag);
        result(describeCharge(decided.body()));
    }

    private static String describeCharge(JsonNode c) {
        return "charge " + c.path("cause").asText() + " " + c.path("status").asText() + " " + money(c.path("amount")) + " ("
                + c.path("priceList").asText() + ", arose " + c.path("aroseOn").asText() + ", RMA " + c.path("rmaId").asText()
                + ", rules " + c.path("rules") + ")";
    }

    private static String refusal(JsonNode ticket) {
        for (JsonNode s : ticket.path("timeline")) {
            if ("RMA_REFUSED".equals(s.path("step").asText())) {
                return s.path("rule").asText() + ", " + s.path("detail").asText();
            }
        }
        return "";
    }

    private static String money(JsonNode m) {
        return m.isMissingNode() || m.isNull() ? "(no amount)" : m.path("currency").asText() + " " + m.path("amount").asText();
    }

    // ---- printing and HTTP

    private void clock(String body, String why) throws Exception {
        say(why);
        Answer last = null;
        for (String service : Suite.LOCAL_PORTS.keySet()) {
            last = send(ADMIN, "POST", service, "/demo/clock", body, new String[0]);
            expect(last.status() == 200, service + " moved its demo clock (" + last.status() + " " + last.body() + ")");
        }
        System.out.println("   -> POST /demo/clock " + body + "  (all five services)");
        System.out.println("   <- 200 now " + last.text("now"));
    }

    private void title(String text) {
        System.out.println();
        System.out.println("== " + text);
    }

    private void say(String text) {
        System.out.printf("%n%2d. %s%n", ++step, text);
    }

    private static void result(String text) {
        System.out.println("      " + text);
    }

    private Answer call(String actor, String token, String method, String service, String path, String body, int expected,
                        String... headers) throws Exception {
        Answer answer = send(token, method, service, path, body, headers);
        if (actor != null) {
            print(actor, method, service, path, body, answer);
        }
        expect(answer.status() == expected, method + " " + path + " answered " + answer.status() + " (expected " + expected
                + "): " + answer.body());
        return answer;
    }

    /** Repeats a call until the answer is the one expected (facts travel between services as events), prints the last. */
    private Answer until(String actor, String token, String method, String service, String path, String body,
                         Predicate<Answer> done, String... headers) throws Exception {
        long deadline = System.nanoTime() + EVENTS.toNanos();
        Answer answer = send(token, method, service, path, body, headers);
        while (!done.test(answer) && System.nanoTime() < deadline) {
            Thread.sleep(250); // a short poll: the suite is another process, this is a command-line tool
            answer = send(token, method, service, path, body, headers);
        }
        print(actor, method, service, path, body, answer);
        expect(done.test(answer), method + " " + path + " did not reach the expected answer within " + EVENTS.toSeconds()
                + " s: " + answer.status() + " " + answer.body());
        return answer;
    }

    private static void print(String actor, String method, String service, String path, String body, Answer answer) {
        String request = body == null ? "" : " " + shorten(body.replaceAll("\\s*\\n\\s*", " "), 150);
        System.out.printf("   -> %-11s %s %s%s%n", actor, method, url(service, path).replace("http://localhost", ""), request);
        System.out.printf("   <- %d %s%n", answer.status(), shorten(answer.body().toString(), 220));
    }

    private Answer send(String token, String method, String service, String path, String body, String[] headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(service, path))).timeout(Duration.ofSeconds(30))
                .header("Authorization", token).header("Accept", "application/json, application/problem+json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null || "POST".equals(method)) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body == null ? "" : body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body() == null || response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null), json);
    }

    private static String url(String service, String path) {
        return "http://localhost:" + Suite.LOCAL_PORTS.get(service) + path;
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 3) + "...";
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new DemoFailed(what);
        }
    }

    /** A step did not give the programme's answer: the demo stops there and says which. */
    static final class DemoFailed extends RuntimeException {
        DemoFailed(String message) {
            super(message);
        }
    }

    private Demo() {
    }
}
