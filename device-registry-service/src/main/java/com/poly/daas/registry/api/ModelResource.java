package com.poly.daas.registry.api;

import com.poly.daas.platform.api.QueryParams;

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
import com.poly.daas.registry.api.ModelViews.ModelUpdate;
import com.poly.daas.registry.api.ModelViews.NewPrice;
import com.poly.daas.registry.api.ModelViews.PriceHistory;
import com.poly.daas.registry.api.ModelViews.PriceView;
import com.poly.daas.registry.domain.ModelPrice;
import com.poly.daas.registry.domain.PriceList;
import com.poly.daas.registry.persistence.PriceRepository;
import jakarta.ws.rs.PUT;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
    @Inject
    PriceRepository prices;
    @Inject
    java.time.Clock clock;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "addModel", summary = "Add a model to the catalogue",
            description = "Admins only. The voice flag is derived from the category (E3). Publishes ModelCatalogued. "
                    + "Idempotency-Key: the same key and body within 24 h returns the first response; another body is 422.")
    @APIResponse(responseCode = "201", description = "Catalogued",
            headers = {@Header(name = "Location", description = "URL of the model"), @Header(name = "ETag", description = "Version for If-Match")},
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "409", description = "The SKU exists already",
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
    @Operation(operationId = "listModels", summary = "List and search models", description = "Ordered by SKU; filter by category, family, voice (E3), "
            + "enrollable (P6: eligible and no end-of-sale announced) and a case-insensitive text in the name or SKU; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of models")
    public Page<ModelView> list(@Parameter(description = "Category", schema = @Schema(implementation = ModelCategory.class)) @QueryParam("category") String category,
                                @Parameter(description = "Product family", example = "CCX") @QueryParam("family") String family,
                                @Parameter(description = "E3: only voice (true) or non-voice (false) models", example = "true", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("voice") String voice,
                                @Parameter(description = "P6: only models that can (true) or cannot (false) be enrolled now", example = "true", schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("enrollable") String enrollable,
                                @Parameter(description = "Text contained in the name or SKU", example = "studio") @QueryParam("q") String text,
                                @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                @Parameter(description = "Opaque cursor from the previous page's 'cursor'") @QueryParam("cursor") String cursor,
                                @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(models.page(new ModelRepository.ModelFilter(
                QueryParams.enumValue(ModelCategory.class, category, "category"), family,
                QueryParams.bool(voice, "voice"), QueryParams.bool(enrollable, "enrollable"), text), page), page,
                m -> m.sku, ModelView::of, uri);
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getModel", summary = "Get a model", description = "With its ETag (use it in If-Match to announce its lifecycle).")
    @APIResponse(responseCode = "200", description = "The model", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku) {
        Model model = models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @POST
    @Path("/{sku}/end-of-sale")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "announceEndOfSale", summary = "Announce end-of-sale",
            description = "P6: from this announcement on, new enrolments of the model are refused; devices already enrolled keep "
                    + "their coverage. One-way: a second announcement is 409. Requires If-Match. Publishes ModelEndOfSaleAnnounced.")
    @APIResponse(responseCode = "200", description = "Announced", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already announced (P6)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response announceEndOfSale(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku,
                                      @Parameter(description = "ETag of the model as read", schema = @Schema(type = SchemaType.STRING))
                                      @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                      @Valid @NotNull Announcement announcement) {
        Model model = catalogue.announceEndOfSale(sku, announcement, ifMatch);
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @POST
    @Path("/{sku}/end-of-support")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "announceEndOfSupport", summary = "Announce end-of-support",
            description = "P5: never interrupts the service of devices already covered until their period ends. One-way; "
                    + "requires If-Match. Publishes ModelEndOfSupportAnnounced.")
    @APIResponse(responseCode = "200", description = "Announced", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already announced (P5)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response announceEndOfSupport(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku,
                                         @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                         @Valid @NotNull Announcement announcement) {
        Model model = catalogue.announceEndOfSupport(sku, announcement, ifMatch);
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @PUT
    @Path("/{sku}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateModel", summary = "Update a model's name, family and eligibility",
            description = "Admins only; requires If-Match. The category (hence voice, E3) and lifecycle announcements (P5, P6) "
                    + "are not editable here. Publishes ModelCatalogued again so that replicas follow.")
    @APIResponse(responseCode = "200", description = "Updated", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = ModelView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Changed concurrently", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku,
                           @Parameter(description = "ETag of the model as read", schema = @Schema(type = SchemaType.STRING))
                           @HeaderParam(ETags.IF_MATCH) String ifMatch,
                           @Valid @NotNull ModelUpdate update) {
        Model model = catalogue.update(sku, update, ifMatch);
        return Response.ok(ModelView.of(model)).tag(ETags.of(model.version)).build();
    }

    @POST
    @Path("/{sku}/prices")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "publishListPrice", summary = "Publish a list price",
            description = "A4, B2: a new price in one price list from validFrom on. History is append-only: the new price must "
                    + "start after the list's latest price, which it closes (nothing is updated or deleted). The currency must be "
                    + "the price list's (region) currency. Publishes ModelPriceChanged. Idempotency-Key supported.")
    @RequestBody(content = @Content(schema = @Schema(implementation = NewPrice.class), examples = @ExampleObject(name = "usd",
            value = "{\"priceList\":\"NA-USD\",\"price\":{\"amount\":\"249.00\",\"currency\":\"USD\"},\"validFrom\":\"2027-01-01\"}")))
    @APIResponse(responseCode = "201", description = "Published", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = PriceView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A4: currency not of the price list's region, validFrom not after the latest price, "
            + "or Idempotency-Key reused", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response publishPrice(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku, @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Valid @NotNull NewPrice request, @Context UriInfo uri) {
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            ModelPrice price = catalogue.publishPrice(sku, request);
            return Response.created(uri.getBaseUriBuilder().path("models").path(sku).path("prices").path("in-force")
                            .queryParam("priceList", price.priceList).queryParam("on", price.validFrom).build())
                    .entity(PriceView.of(price, null)).build();
        });
    }

    @GET
    @Path("/{sku}/prices")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getPriceHistory", summary = "Price history of a model", description = "A4, B2: every price ever published, per price list oldest first, "
            + "each with its validity (validUntil = the day before the next price starts).")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = PriceHistory.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PriceHistory priceHistory(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku,
                                     @Parameter(description = "Only this price list", example = "EMEA-EUR") @QueryParam("priceList") String priceList) {
        models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        if (priceList != null) {
            requireList(priceList);
        }
        List<ModelPrice> rows = prices.history(sku, priceList);
        List<PriceView> views = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ModelPrice row = rows.get(i);
            ModelPrice next = i + 1 < rows.size() && rows.get(i + 1).priceList.equals(row.priceList) ? rows.get(i + 1) : null;
            views.add(PriceView.of(row, next == null ? null : next.validFrom));
        }
        return new PriceHistory(views);
    }

    @GET
    @Path("/{sku}/prices/in-force")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getPriceInForce", summary = "The price in force on a date",
            description = "A4, B2: the list price of the model in one price list on the given day (default today): the latest price "
                    + "that started on or before it. Billing prices penalties with it on the day the charge arises.")
    @APIResponse(responseCode = "200", description = "The price in force", content = @Content(schema = @Schema(implementation = PriceView.class)))
    @APIResponse(responseCode = "404", description = "Unknown SKU, or no price in force that day",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PriceView priceInForce(@Parameter(description = "Model SKU", example = "CCX-500") @PathParam("sku") String sku,
                                  @Parameter(description = "Price list id", required = true, example = "NA-USD") @QueryParam("priceList") String priceList,
                                  @Parameter(description = "Day (ISO-8601), default today", example = "2027-03-15") @QueryParam("on") String on) {
        models.bySku(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        if (priceList == null || priceList.isBlank()) {
            throw ApiProblem.invalidField("priceList", "is required");
        }
        PriceList list = requireList(priceList);
        LocalDate day;
        try {
            day = on == null || on.isBlank() ? LocalDate.now(clock) : LocalDate.parse(on);
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalidField("on", "must be a date YYYY-MM-DD");
        }
        ModelPrice price = prices.inForce(sku, list.id(), day).orElseThrow(() -> new ApiProblem(404, "no-price-in-force",
                "No price in force", "Model " + sku + " has no " + list.id() + " price in force on " + day + ".", "A4"));
        return PriceView.of(price, prices.next(sku, list.id(), price.validFrom).map(p -> p.validFrom).orElse(null));
    }

    private static PriceList requireList(String id) {
        return PriceList.byId(id).orElseThrow(() -> ApiProblem.invalidField("priceList",
                "unknown price list '" + id + "' (one of NA-USD, NA-CAD, EMEA-EUR, EMEA-GBP)"));
    }
}
