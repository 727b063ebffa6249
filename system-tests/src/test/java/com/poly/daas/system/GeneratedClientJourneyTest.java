package com.poly.daas.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.poly.daas.clients.billing.api.BillingAccountsApi;
import com.poly.daas.clients.billing.model.BillingAccount;
import com.poly.daas.clients.contract.api.ContractsApi;
import com.poly.daas.clients.contract.api.CustomersApi;
import com.poly.daas.clients.contract.api.ModelEligibilityApi;
import com.poly.daas.clients.contract.api.PartnersApi;
import com.poly.daas.clients.contract.model.CertificationStatus;
import com.poly.daas.clients.contract.model.Contract;
import com.poly.daas.clients.contract.model.ContractStatus;
import com.poly.daas.clients.contract.model.CoverageOption;
import com.poly.daas.clients.contract.model.DeviceToEnrol;
import com.poly.daas.clients.contract.model.Enrolment;
import com.poly.daas.clients.contract.model.EnrolmentResult;
import com.poly.daas.clients.contract.model.Money;
import com.poly.daas.clients.contract.model.NewContract;
import com.poly.daas.clients.contract.model.NewCustomer;
import com.poly.daas.clients.contract.model.NewPartner;
import com.poly.daas.clients.registry.api.ModelsApi;
import com.poly.daas.clients.registry.model.ModelCategory;
import com.poly.daas.clients.registry.model.NewDevice;
import com.poly.daas.clients.registry.model.NewModel;
import com.poly.daas.clients.rma.api.CoverageApi;
import com.poly.daas.clients.rma.api.RmasApi;
import com.poly.daas.clients.rma.model.NewRma;
import com.poly.daas.clients.rma.model.Rma;
import com.poly.daas.clients.rma.model.RmaCause;
import com.poly.daas.clients.rma.model.RmaStatus;
import com.poly.daas.clients.rma.model.ShipTo;
import com.poly.daas.clients.ticket.api.TicketsApi;
import com.poly.daas.clients.ticket.model.FailureCause;
import com.poly.daas.clients.ticket.model.NewTicket;
import com.poly.daas.clients.ticket.model.Ticket;
import com.poly.daas.clients.ticket.model.TicketStatus;
import com.poly.daas.clients.ticket.model.Triage;
import com.poly.daas.clients.ticket.model.TriageDecision;
import com.poly.daas.devstack.DevTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A partner's device from the catalogue to an advance replacement, driven only through the Java clients generated from
 * the five OpenAPI documents (module api-contract), as a partner's ERP would: a document that changes an operation, a
 * field or a type under a partner breaks this journey (compilation or (de)serialisation) and so the build.
 */
@ExtendWith(RunningSuite.Resolver.class)
class GeneratedClientJourneyTest {
    static final Duration EVENTS = Duration.ofSeconds(60);
    static final List<String> SERVICES = List.of("device-registry-service", "contract-service", "ticket-service",
            "rma-service", "billing-service");
    static RunningSuite running;

    @BeforeAll
    static void suite(RunningSuite shared) {
        running = shared;
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    static ModelsApi registryModels(String token) {
        var client = new com.poly.daas.clients.registry.ApiClient();
        client.updateBaseUri(running.url("device-registry-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return new ModelsApi(client);
    }

    static com.poly.daas.clients.registry.api.DevicesApi registryDevices(String token) {
        var client = new com.poly.daas.clients.registry.ApiClient();
        client.updateBaseUri(running.url("device-registry-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return new com.poly.daas.clients.registry.api.DevicesApi(client);
    }

    static com.poly.daas.clients.contract.ApiClient contractClient(String token) {
        var client = new com.poly.daas.clients.contract.ApiClient();
        client.updateBaseUri(running.url("contract-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return client;
    }

    static TicketsApi tickets(String token) {
        var client = new com.poly.daas.clients.ticket.ApiClient();
        client.updateBaseUri(running.url("ticket-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return new TicketsApi(client);
    }

    static com.poly.daas.clients.rma.ApiClient rmaClient(String token) {
        var client = new com.poly.daas.clients.rma.ApiClient();
        client.updateBaseUri(running.url("rma-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return client;
    }

    static BillingAccountsApi billingAccounts(String token) {
        var client = new com.poly.daas.clients.billing.ApiClient();
        client.updateBaseUri(running.url("billing-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", bearer(token)));
        return new BillingAccountsApi(client);
    }

    /** The ETag a read returned (the generated clients give the headers as a map). */
    static String etag(Map<String, List<String>> headers) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("ETag")).findFirst()
                .map(h -> h.getValue().get(0)).orElseThrow(() -> new AssertionError("no ETag in " + headers.keySet()));
    }

    static String id(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    @Test
    void A1_aPartnersFailedPhoneIsReplacedInAdvanceThroughTheGeneratedClients() throws Exception {
        String admin = DevTokens.staff("admin");
        String agent = DevTokens.staff("agent");
        String partnerId = id("P-");
        String partner = DevTokens.partner(partnerId);
        String sku = id("M");
        String serial = id("SN");

        // Poly certifies the partner (P1): from now on every service honours its token (issue 9).
        new PartnersApi(contractClient(admin)).registerPartner(new NewPartner().id(partnerId).name("Journey Partner")
                .certificationStatus(CertificationStatus.ACTIVE).certifiedFrom(LocalDate.of(2000, 1, 1))
                .certifiedUntil(LocalDate.of(2099, 12, 31)), null);

        // Poly catalogues a DaaS-eligible desk phone; contract-service learns it from the registry's events (P6, E3).
        registryModels(admin).addModel(new NewModel().sku(sku).name("Poly Journey Phone").family("CCX")
                .category(ModelCategory.DESK_PHONE).daasEligible(true), UUID.randomUUID().toString());
        await().atMost(EVENTS).ignoreExceptions().untilAsserted(() -> assertThat(
                new ModelEligibilityApi(contractClient(partner)).getModelEligibility(sku).getEnrollable()).isTrue());

        // The partner adds its US customer (P2), drafts and activates a contract.
        String customerId = new CustomersApi(contractClient(partner)).addCustomer(new NewCustomer().legalName("Contoso US")
                .country("US").subdivision("US-NY").timeZone("America/New_York"), null).getId();
        ContractsApi contracts = new ContractsApi(contractClient(partner));
        Contract draft = contracts.draftContract(new NewContract().customerId(customerId)
                .termMonths(NewContract.TermMonthsEnum.NUMBER_36)
                .monthlyFee(new Money().amount("24.90").currency("USD"))
                .extendedCoverageFee(new Money().amount("3.50").currency("USD")), UUID.randomUUID().toString());
        String etag = etag(contracts.getContractWithHttpInfo(draft.getId()).getHeaders());
        Contract active = contracts.activateContract(draft.getId(), etag);
        assertThat(active.getStatus()).isEqualTo(ContractStatus.ACTIVE);

        // The partner registers the phone it sold to that customer (the registry learns the customer from
        // contract-service's events), then enrols it at the time of sale, delivered a week ago: covered from its
        // delivery date (P3). Enrolment names only serials registered to the contract's customer (issue 9).
        LocalDate delivered = LocalDate.now(ZoneOffset.UTC).minusDays(7);
        await().atMost(EVENTS).ignoreExceptions().untilAsserted(() -> registryDevices(partner).registerDevice(
                new NewDevice().serial(serial).sku(sku).customerId(customerId), UUID.randomUUID().toString()));
        String enrolment = UUID.randomUUID().toString();
        EnrolmentResult enrolled = await().atMost(EVENTS).ignoreExceptions().until(() -> contracts.enrolDevices(draft.getId(),
                new Enrolment().devices(List.of(new DeviceToEnrol().serial(serial).sku(sku).option(CoverageOption.STANDARD)
                        .deliveredOn(delivered))), enrolment), r -> r != null);
        assertThat(enrolled.getDevices()).hasSize(1);

        // The RMA service and billing learn the coverage and the contract from contract-service's events.
        await().atMost(EVENTS).ignoreExceptions().untilAsserted(() -> assertThat(
                new CoverageApi(rmaClient(partner)).getReplacementCoverage(serial, null).getCovered()).isTrue());
        await().atMost(EVENTS).ignoreExceptions().untilAsserted(() -> {
            BillingAccount account = billingAccounts(admin).getBillingAccount(draft.getId());
            assertThat(account.getStatus()).isEqualTo("ACTIVE");
            assertThat(account.getDevices()).extracting(d -> d.getSerial()).containsExactly(serial);
        });

        // The partner opens a ticket (S1); an agent confirms a hardware failure at triage (S3).
        // The ticket's site is the customer's record (S1), learnt from contract-service like the device from the registry.
        String opening = UUID.randomUUID().toString();
        Ticket opened = await().atMost(EVENTS).ignoreExceptions().until(() -> tickets(partner).openTicket(new NewTicket()
                .customerId(customerId).serial(serial).subject("Handset dead after firmware update")
                .description("Power cycle and factory reset did not help; no dial tone."), opening), t -> t != null);
        assertThat(opened.getTimeZone()).isEqualTo("America/New_York");
        assertThat(opened.getStatus()).isEqualTo(TicketStatus.OPEN);
        String ticketTag = etag(tickets(agent).getTicketWithHttpInfo(opened.getId()).getHeaders());
        Ticket triaged = tickets(agent).triageTicket(opened.getId(), new Triage().decision(TriageDecision.HARDWARE_FAILURE)
                .cause(FailureCause.HARDWARE_FAILURE).note("Power supply board failure confirmed."), ticketTag);
        assertThat(triaged.getTriageDecision()).isEqualTo(TriageDecision.HARDWARE_FAILURE);

        // S3 -> A1: the confirmed failure opened the advance replacement by itself; the partner follows it.
        Rma rma = await().atMost(EVENTS).ignoreExceptions().until(() -> new RmasApi(rmaClient(partner))
                .listRmas(null, null, serial, null).getItems().get(0), r -> r != null);
        assertThat(rma.getStatus()).isEqualTo(RmaStatus.AUTHORISED);
        assertThat(rma.getTicketId()).isEqualTo(opened.getId());
        assertThat(rma.getContractId()).isEqualTo(draft.getId());
        assertThat(rma.getShipDate()).isAfterOrEqualTo(LocalDate.now(ZoneOffset.UTC).minusDays(1));

        // Partners never open RMAs themselves (issue 10): 403, surfaced by the generated client.
        assertThatThrownBy(() -> new RmasApi(rmaClient(partner)).authoriseReplacement(new NewRma().partnerId(partnerId)
                .serial(serial).cause(RmaCause.HARDWARE_FAILURE).reason("second unit")
                .shipTo(new ShipTo().country("US").timeZone("America/New_York")), null))
                .isInstanceOf(com.poly.daas.clients.rma.ApiException.class)
                .satisfies(e -> assertThat(((com.poly.daas.clients.rma.ApiException) e).getCode()).isEqualTo(403));

        // E4: a cause never covered is refused with the rule id, even for a Poly agent.
        assertThatThrownBy(() -> new RmasApi(rmaClient(agent)).authoriseReplacement(new NewRma().partnerId(partnerId)
                .serial(serial).cause(RmaCause.FIRE).reason("customer reports fire damage")
                .shipTo(new ShipTo().country("US").timeZone("America/New_York")), null))
                .isInstanceOf(com.poly.daas.clients.rma.ApiException.class)
                .satisfies(e -> {
                    var problem = (com.poly.daas.clients.rma.ApiException) e;
                    assertThat(problem.getCode()).isEqualTo(422);
                    assertThat(problem.getResponseBody()).contains("\"rule\"").contains("E4");
                });
    }

    @Test
    void theDocumentsLintedAndGeneratedFromAreTheOnesTheRunningServicesServe() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String service : SERVICES) {
            JsonNode stored = json.readTree(Files.readString(running.root.resolve(Path.of(service, "target", "openapi", "openapi.json"))));
            JsonNode served = json.readTree(given().baseUri(running.url(service)).queryParam("format", "json").get("/q/openapi")
                    .then().statusCode(200).extract().asString());
            List<String> differences = new java.util.ArrayList<>();
            differences(stored, served, "", differences);
            assertThat(differences).as("%s: where /q/openapi differs from target/openapi/openapi.json", service).isEmpty();
        }
    }

    /** JSON pointers where two documents differ (object key order aside), at most 20. */
    static void differences(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (out.size() >= 20 || expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            var names = new java.util.TreeSet<String>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                differences(expected.path(name), actual.path(name), at + "/" + name, out);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(expected.get(i), actual.get(i), at + "/" + i, out);
            }
        } else {
            out.add(at + ": stored " + abbreviate(expected) + ", served " + abbreviate(actual));
        }
    }

    static String abbreviate(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
