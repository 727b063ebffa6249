package com.poly.daas.billing.api;

import com.poly.daas.billing.api.BillingViews.BillingAccountView;
import com.poly.daas.billing.domain.BillingContract;
import com.poly.daas.billing.persistence.BillableDeviceRepository;
import com.poly.daas.billing.persistence.BillingContractRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/billing-accounts")
@Tag(name = "Billing accounts", description = "What is billable under a contract, from contract-service's events (B1)")
@Produces(MediaType.APPLICATION_JSON)
public class BillingAccountResource {
    @Inject
    BillingContractRepository contracts;
    @Inject
    BillableDeviceRepository devices;

    @GET
    @Path("/{contractId}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getBillingAccount", summary = "Get a contract's billing account",
            description = "B1: the contract's activation, end and currency and, per device, its service period (P3) and monthly "
                    + "fees (plus the extended-coverage fee with the EXTENDED option, E1). A partner sees only its own contracts; "
                    + "others are 404.")
    @APIResponse(responseCode = "200", description = "The billing account",
            content = @Content(schema = @Schema(implementation = BillingAccountView.class)))
    @APIResponse(responseCode = "404", description = "No such contract visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BillingAccountView get(@Parameter(description = "Contract id", example = "C-7781") @PathParam("contractId") String contractId) {
        BillingContract contract = contracts.findByIdOptional(contractId)
                .orElseThrow(() -> ApiProblem.notFound("billing account", contractId));
        return BillingAccountView.of(contract, devices.ofContract(contractId));
    }
}
