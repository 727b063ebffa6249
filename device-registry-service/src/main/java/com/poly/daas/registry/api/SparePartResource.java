package com.poly.daas.registry.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.PortalViews.NewSparePart;
import com.poly.daas.registry.api.PortalViews.SparePartView;
import com.poly.daas.registry.domain.SparePart;
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

@Path("/spare-parts")
@Tag(name = "Spare parts", description = "Portal: find spare parts (catalogue data, the same for every partner)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SparePartResource {
    @Inject
    PortalCatalogue portal;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addSparePart", summary = "Add a spare part", description = "Admins only. Compatible SKUs must be catalogued models. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Added", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = SparePartView.class)))
    @APIResponse(responseCode = "409", description = "Part number exists", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull NewSparePart request,
                        @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            SparePart part = portal.addSparePart(request);
            return Response.created(uri.getBaseUriBuilder().path("spare-parts").path(part.partNumber).build())
                    .entity(SparePartView.of(part)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listSpareParts", summary = "Find spare parts", description = "By compatible model (sku) and/or a text in the name or part number; ordered by part number; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of parts")
    public Page<SparePartView> list(@Parameter(description = "Only parts fitting this model", example = "CCX-500") @QueryParam("sku") String sku,
                                    @Parameter(description = "Text contained in the name or part number", example = "handset") @QueryParam("q") String text,
                                    @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                    @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                                    @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (sku != null && !sku.isBlank()) {
            query.append(" and :sku member of compatibleSkus");
            params.and("sku", sku);
        }
        if (text != null && !text.isBlank()) {
            query.append(" and (lower(name) like :text or lower(partNumber) like :text)");
            params.and("text", "%" + text.toLowerCase().replace("%", "").replace("_", "") + "%");
        }
        if (page.after() != null) {
            query.append(" and partNumber > :after");
            params.and("after", page.after());
        }
        var rows = SparePart.<SparePart>find(query.toString(), Sort.by("partNumber"), params).page(0, page.limit() + 1).list();
        return Page.of(rows, page, p -> p.partNumber, SparePartView::of, uri);
    }

    @GET
    @Path("/{partNumber}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getSparePart", summary = "Get a spare part", description = "With its list price and compatible models.")
    @APIResponse(responseCode = "200", description = "The part", content = @Content(schema = @Schema(implementation = SparePartView.class)))
    @APIResponse(responseCode = "404", description = "Unknown part number", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SparePartView get(@Parameter(description = "Part number", example = "2200-49530-001") @PathParam("partNumber") String partNumber) {
        return SparePart.<SparePart>findByIdOptional(partNumber).map(SparePartView::of)
                .orElseThrow(() -> ApiProblem.notFound("spare part", partNumber));
    }
}
