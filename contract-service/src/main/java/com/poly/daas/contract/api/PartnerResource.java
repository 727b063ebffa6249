package com.poly.daas.contract.api;

import com.poly.daas.contract.api.ContractViews.Certification;
import com.poly.daas.contract.api.ContractViews.NewPartner;
import com.poly.daas.contract.api.ContractViews.PartnerView;
import com.poly.daas.contract.domain.Partner;
import com.poly.daas.contract.persistence.PartnerRepository;
import com.poly.daas.contract.service.PartnerDirectory;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/partners")
@Tag(name = "Partners", description = "Certified partners (P1), managed by admins")
@Produces(MediaType.APPLICATION_JSON)
public class PartnerResource {
    @Inject
    PartnerRepository partners;
    @Inject
    PartnerDirectory directory;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "registerPartner", summary = "Register a certified partner",
            description = "Admins only. P1: only a partner whose certification is ACTIVE and valid today can create or change "
                    + "contracts. The id is the partner_id claim of the partner's tokens. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = {@Header(name = "Location"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "409", description = "The partner id exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)")
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                        @Valid @NotNull NewPartner request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Partner partner = directory.add(request);
            return Response.created(uri.getBaseUriBuilder().path("partners").path(partner.id).build())
                    .tag(ETags.of(partner.version)).entity(PartnerView.of(partner, today())).build();
        });
    }

    @GET
    @Path("/{partnerId}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getPartner", summary = "Get a partner and its certification",
            description = "P1: whether the partner may create and change contracts today. A partner sees only itself; others are 404.")
    @APIResponse(responseCode = "200", description = "The partner", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "No such partner visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "P-1001") @PathParam("partnerId") String partnerId) {
        Partner partner = partners.findByIdOptional(partnerId).orElseThrow(() -> ApiProblem.notFound("partner", partnerId));
        return Response.ok(PartnerView.of(partner, today())).tag(ETags.of(partner.version)).build();
    }

    @PUT
    @Path("/{partnerId}/certification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "changePartnerCertification", summary = "Change a partner's certification",
            description = "Admins only. P1: from this change on, a partner that is not ACTIVE within its validity cannot create "
                    + "or change contracts (existing coverage is kept). Requires If-Match.")
    @APIResponse(responseCode = "200", description = "Changed", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = PartnerView.class)))
    @APIResponse(responseCode = "404", description = "Unknown partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response certify(@Parameter(example = "P-1001") @PathParam("partnerId") String partnerId,
                            @Parameter(description = "ETag of the partner as read", schema = @Schema(type = SchemaType.STRING))
                            @HeaderParam(ETags.IF_MATCH) String ifMatch,
                            @Valid @NotNull Certification certification) {
        Partner partner = directory.certify(partnerId, certification, ifMatch);
        return Response.ok(PartnerView.of(partner, today())).tag(ETags.of(partner.version)).build();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
