package com.poly.daas.registry.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.ModelViews.Announcement;
import com.poly.daas.registry.api.ModelViews.ModelView;
import com.poly.daas.registry.api.ModelViews.NewModel;
import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.domain.ModelCategory;
import com.poly.daas.registry.persistence.ModelRepository;
import com.poly.daas.registry.service.Catalogue;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/models")
@Tag(name = "Models", description = "The catalogue of models that can be covered (P5, P6, E3)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ModelResource {
    @Inject
    ModelRepository models;
    @Inject
    Catalogue catalogue;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Add a model to the catalogue",
            description = "Admins only. The voice flag is derived from the category (E3). Publishes ModelCatalogued. "
                    + "Idempotency-Key: the same key and body within 24 h returns the first response; another body is 422.")
    @APIResponse(responseCode = "201", description = "Catalogued",
            headers = {@Header(name = "Location", description = "URL of the model"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "409", description = "The SKU exists already",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)")
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                        @Valid @NotNull NewModel request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Model model = catalogue.add(request);
            return Response.created(uri.getBaseUriBuilder().path("models").path(model.sku).build())
                    .tag(ETags.of(model.version)).entity(ModelView.of(model)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "List models", description = "Ordered by SKU; filter by category; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of models")
    public Page<ModelView> list(@QueryParam("category") ModelCategory category,
                                @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                @Parameter(description = "Opaque cursor from the previous page's 'cursor'") @QueryParam("cursor") String cursor,
                                @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(models.page(category, page), page, m -> m.sku, ModelView::of, uri);
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Get a model", description = "With its ETag (use it in If-Match to announce its lifecycle).")
    @APIResponse(responseCode = "200", description = "The model", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("sku") String sku) {
        Model model = models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @POST
    @Path("/{sku}/end-of-sale")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Announce end-of-sale",
            description = "P6: from this announcement on, new enrolments of the model are refused; devices already enrolled keep "
                    + "their coverage. One-way: a second announcement is 409. Requires If-Match. Publishes ModelEndOfSaleAnnounced.")
    @APIResponse(responseCode = "200", description = "Announced", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already announced (P6)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response announceEndOfSale(@PathParam("sku") String sku,
                                      @Parameter(description = "ETag of the model as read", schema = @Schema(type = SchemaType.STRING))
                                      @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                      @Valid @NotNull Announcement announcement) {
        Model model = catalogue.announceEndOfSale(sku, announcement, ifMatch);
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @POST
    @Path("/{sku}/end-of-support")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Announce end-of-support",
            description = "P5: never interrupts the service of devices already covered until their period ends. One-way; "
                    + "requires If-Match. Publishes ModelEndOfSupportAnnounced.")
    @APIResponse(responseCode = "200", description = "Announced", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already announced (P5)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Stale If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response announceEndOfSupport(@PathParam("sku") String sku,
                                         @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                         @Valid @NotNull Announcement announcement) {
        Model model = catalogue.announceEndOfSupport(sku, announcement, ifMatch);
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }
}
