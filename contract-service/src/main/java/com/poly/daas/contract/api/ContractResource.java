package com.poly.daas.contract.api;

import com.poly.daas.contract.api.ContractViews.ContractView;
import com.poly.daas.contract.api.ContractViews.EnrolledDevice;
import com.poly.daas.contract.api.ContractViews.Enrolment;
import com.poly.daas.contract.api.ContractViews.EnrolmentResult;
import com.poly.daas.contract.api.ContractViews.NewContract;
import com.poly.daas.contract.api.ContractViews.OptionChange;
import com.poly.daas.contract.api.ContractViews.Termination;
import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.ContractStatus;
import com.poly.daas.contract.persistence.ContractRepository;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.contract.persistence.Ids;
import com.poly.daas.contract.service.ContractBook;
import com.poly.daas.contract.service.Enrolments;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.QueryParams;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/contracts")
@Tag(name = "Contracts", description = "DaaS contracts and the devices enrolled in them (P1, P3, P4, P6, E1, E3, B1)")
@Produces(MediaType.APPLICATION_JSON)
public class ContractResource {
    static final String CONTRACT_EXAMPLE = "7d4f8a52-1c3b-4f0e-8e7a-2b9d6c5e4f31";

    @Inject
    ContractRepository contracts;
    @Inject
    CoverageRepository coverages;
    @Inject
    ContractBook book;
    @Inject
    Enrolments enrolments;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "draftContract", summary = "Draft a contract",
            description = "A DRAFT contract for one of the partner's customers. P1: the partner must be certified and active today. "
                    + "P3: termMonths is 12, 24, 36, 48 or 60. B1: monthly fee and extended-coverage fee per device, in the "
                    + "customer's currency (US/MX: USD, CA: CAD, GB: GBP, rest of EMEA: EUR). Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Drafted", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "Customer not visible to the caller, or a partner acting for another",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Partner not certified (P1) or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)")
                           @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                           @Valid @NotNull NewContract request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Contract contract = book.create(request);
            return Response.created(uri.getBaseUriBuilder().path("contracts").path(contract.id.toString()).build())
                    .tag(ETags.of(contract.version)).entity(ContractView.of(contract)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listContracts", summary = "List contracts", description = "A partner lists only its own contracts. Filter by customer and status; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of contracts")
    public Page<ContractView> list(@Parameter(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") @QueryParam("customerId") String customerId,
                                   @Parameter(example = "ACTIVE", schema = @Schema(enumeration = {"DRAFT", "ACTIVE", "EXPIRED", "TERMINATED"}))
                                   @QueryParam("status") String status,
                                   @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                   @Parameter(description = "Opaque cursor from the previous page's 'cursor'") @QueryParam("cursor") String cursor,
                                   @Context UriInfo uri) {
        UUID customer = customerId == null ? null
                : Ids.uuid(customerId).orElseThrow(() -> ApiProblem.invalidField("customerId", "must be a customer id (UUID)"));
        ContractStatus wanted = QueryParams.enumValue(ContractStatus.class, status, "status");
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(contracts.page(customer, wanted, page), page, c -> c.id.toString(), ContractView::of, uri);
    }

    @GET
    @Path("/{contractId}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getContract", summary = "Get a contract", description = "With its ETag (use it in If-Match to activate or terminate). Partners see only their own.")
    @APIResponse(responseCode = "200", description = "The contract", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId) {
        Contract contract = contracts.byId(contractId).orElseThrow(() -> ApiProblem.notFound("contract", contractId));
        return Response.ok(ContractView.of(contract)).tag(ETags.of(contract.version)).build();
    }

    @POST
    @Path("/{contractId}/activation")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "activateContract", summary = "Activate a contract",
            description = "DRAFT -> ACTIVE, today; the contract ends (expires) at today + term. P1: the partner must be certified and "
                    + "active today. B1: billing starts (publishes ContractActivated). Any other transition is 409. Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Activated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition (not DRAFT)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Partner not certified (P1)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response activate(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId,
                             @Parameter(description = "ETag of the contract as read", schema = @Schema(type = SchemaType.STRING))
                             @HeaderParam(ETags.IF_MATCH) String ifMatch) {
        Contract contract = book.activate(contractId, ifMatch);
        return Response.ok(ContractView.of(contract)).tag(ETags.of(contract.version)).build();
    }

    @POST
    @Path("/{contractId}/termination")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "terminateContract", summary = "Terminate a contract",
            description = "ACTIVE -> TERMINATED today, with a reason; every device still enrolled stops being covered today "
                    + "(DeviceCoverageEnded, CONTRACT_TERMINATED) and ContractTerminated is published. Any other transition is 409. "
                    + "Requires If-Match. Allowed even when the partner's certification lapsed (P1 guards sales, not exits).")
    @APIResponse(responseCode = "200", description = "Terminated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition (not ACTIVE)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response terminate(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId,
                              @Parameter(description = "ETag of the contract as read", schema = @Schema(type = SchemaType.STRING))
                              @HeaderParam(ETags.IF_MATCH) String ifMatch,
                              @Valid @NotNull Termination termination) {
        Contract contract = book.terminate(contractId, ifMatch, termination.reason());
        return Response.ok(ContractView.of(contract)).tag(ETags.of(contract.version)).build();
    }

    @POST
    @Path("/{contractId}/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "enrolDevices", summary = "Enrol devices (time of sale)",
            description = "Enrols one or more serials, validated as a whole (all or none). Each model must be known to this service, "
                    + "DaaS-eligible and without an end-of-sale announcement (P6: refused from the moment the announcement "
                    + "arrives, 422). EXTENDED only for voice models (E3, 422) and only now (E1). P3: the period starts at the "
                    + "delivery date given here or reported by the registry, and lasts the term; without it the device waits for "
                    + "its delivery. A serial already under contract is 409. P1: partner certified. Publishes DeviceEnrolled per "
                    + "device. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Enrolled", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = EnrolmentResult.class)))
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Serial already under contract (E1 when it tries to add EXTENDED), or the "
            + "contract is EXPIRED/TERMINATED",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Model end-of-sale (P6) or not eligible (P3), EXTENDED on a non-voice model (E3), "
            + "period already over (P3), partner not certified (P1)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response enrol(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId,
                          @Parameter(description = "Makes retries safe: same key + same body = same response (24 h)")
                          @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                          @Valid @NotNull Enrolment request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            var devices = enrolments.enrol(contractId, request).stream().map(EnrolledDevice::of).toList();
            return Response.created(uri.getBaseUriBuilder().path("contracts").path(contractId).path("devices").build())
                    .entity(new EnrolmentResult(devices)).build();
        });
    }

    @GET
    @Path("/{contractId}/devices")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listContractDevices", summary = "List a contract's devices",
            description = "Every enrolment of the contract with its period (P3), option (E1) and status, replacements (P4) included. "
                    + "Cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of devices")
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<EnrolledDevice> devices(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId,
                                        @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                        @Parameter(description = "Opaque cursor from the previous page's 'cursor'") @QueryParam("cursor") String cursor,
                                        @Context UriInfo uri) {
        Contract contract = contracts.byId(contractId).orElseThrow(() -> ApiProblem.notFound("contract", contractId));
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(coverages.pageOfContract(contract.id, page), page, d -> d.id.toString(), EnrolledDevice::of, uri);
    }

    @PUT
    @Path("/{contractId}/devices/{serial}/option")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(operationId = "changeCoverageOption", summary = "Change a device's coverage option (refused)",
            description = "E1: extended coverage can only be chosen at the time of sale. Asking for another option than the one "
                    + "chosen at enrolment is 409 with rule E1; asking for the same option changes nothing (200).")
    @APIResponse(responseCode = "200", description = "Unchanged: the option asked is the one chosen at enrolment",
            content = @Content(schema = @Schema(implementation = EnrolledDevice.class)))
    @APIResponse(responseCode = "404", description = "No such contract or device visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "E1: the option is fixed at the time of sale",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EnrolledDevice changeOption(@Parameter(example = CONTRACT_EXAMPLE) @PathParam("contractId") String contractId,
                                       @Parameter(example = "64167F2A9C01") @PathParam("serial") String serial,
                                       @Valid @NotNull OptionChange change) {
        return EnrolledDevice.of(enrolments.changeOption(contractId, serial, change.option()));
    }
}
