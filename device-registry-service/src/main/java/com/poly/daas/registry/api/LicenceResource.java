package com.poly.daas.registry.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.PortalViews.LicenceView;
import com.poly.daas.registry.api.PortalViews.NewLicence;
import com.poly.daas.registry.domain.Licence;
import com.poly.daas.registry.service.PortalCatalogue;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/licences")
@Tag(name = "Licences", description = "Portal: look up licences (partner-owned)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class LicenceResource {
    @Inject
    PortalCatalogue portal;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "issueLicence", summary = "Issue a licence", description = "Poly staff or the licensing system. Attached to exactly one of a registered "
            + "device of the partner (placed at the same customer) or a software entitlement; validUntil not before validFrom. "
            + "Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Issued", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = LicenceView.class)))
    @APIResponse(responseCode = "409", description = "Licence key exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response issue(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewLicence request,
                          @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Licence licence = portal.issueLicence(request);
            return Response.created(uri.getBaseUriBuilder().path("licences").path(licence.licenceKey).build())
                    .entity(LicenceView.of(licence)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listLicences", summary = "Look up licences", description = "By device serial, licence key or customer; a partner sees only its own. "
            + "Ordered by licence key; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of licences")
    public Page<LicenceView> list(@Parameter(description = "Licences attached to this device", example = "64167F2A9C01") @QueryParam("serial") String serial,
                                  @Parameter(description = "This licence key", example = "LIC-7Q2M-9XKD-44TP") @QueryParam("key") String key,
                                  @Parameter(description = "Licences of this customer", example = "CU-20931") @QueryParam("customerId") String customerId,
                                  @Parameter(description = "Licences of this software entitlement", example = "ENT-55012") @QueryParam("entitlementId") String entitlementId,
                                  @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                  @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                                  @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (serial != null && !serial.isBlank()) {
            query.append(" and deviceSerial = :serial");
            params.and("serial", serial);
        }
        if (key != null && !key.isBlank()) {
            query.append(" and licenceKey = :key");
            params.and("key", key);
        }
        if (customerId != null && !customerId.isBlank()) {
            query.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (entitlementId != null && !entitlementId.isBlank()) {
            query.append(" and entitlementId = :entitlement");
            params.and("entitlement", entitlementId);
        }
        if (page.after() != null) {
            query.append(" and licenceKey > :after");
            params.and("after", page.after());
        }
        var rows = Licence.<Licence>find(query.toString(), Sort.by("licenceKey"), params).page(0, page.limit() + 1).list();
        return Page.of(rows, page, l -> l.licenceKey, LicenceView::of, uri);
    }

    @GET
    @Path("/{licenceKey}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getLicence", summary = "Get a licence by key", description = "A partner sees only its own licences; others are 404.")
    @APIResponse(responseCode = "200", description = "The licence", content = @Content(schema = @Schema(implementation = LicenceView.class)))
    @APIResponse(responseCode = "404", description = "No such licence visible to the caller", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public LicenceView get(@Parameter(description = "Licence key", example = "LIC-7Q2M-9XKD-44TR") @PathParam("licenceKey") String licenceKey) {
        return Licence.<Licence>find("licenceKey", licenceKey).firstResultOptional().map(LicenceView::of)
                .orElseThrow(() -> ApiProblem.notFound("licence", licenceKey));
    }
}
