package com.poly.daas.registry.api;

import com.poly.daas.platform.api.QueryParams;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.parties.PartnerStanding;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.DeviceViews.DeviceView;
import com.poly.daas.registry.api.DeviceViews.NewDevice;
import com.poly.daas.registry.api.DeviceViews.BulkRequest;
import com.poly.daas.registry.api.DeviceViews.BulkResult;
import com.poly.daas.registry.api.DeviceViews.DeliveryReport;
import com.poly.daas.registry.api.DeviceViews.StatusChangeRequest;
import com.poly.daas.registry.api.DeviceViews.StatusChangeView;
import com.poly.daas.registry.api.DeviceViews.StatusHistory;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.service.BulkRegistration;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.persistence.DeviceRepository;
import com.poly.daas.registry.service.DeviceRegistry;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/devices")
@Tag(name = "Devices", description = "The serial registry (portal: register products)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {
    @Inject
    DeviceRepository devices;
    @Inject
    DeviceRegistry registry;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;
    @Inject
    BulkRegistration bulk;
    @Inject
    TrustBoundary trust;

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Register a device",
            description = "Registers a serial of a catalogued model to one of the partner's own customers (customerId as "
                    + "contract-service knows it; another partner's customer is refused exactly as an unknown one, 422). "
                    + "Serials are unique worldwide: registering one that exists is 409, which reveals only that it is taken. "
                    + "P1: a partner whose certification is not active cannot register new devices (422). Staff name the "
                    + "partner and are held to the same pairing. deliveredOn (P3) may be given now or reported later. "
                    + "Publishes DeviceRegistered. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = "Serial already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @NotNull NewDevice request, @Context UriInfo uri) {
        PartnerStanding partner = trust.actingFor(request.partnerId());
        trust.requireCertified(partner, "register new devices");
        String partnerId = partner.partnerId();
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Device device = registry.register(request, partnerId);
            return Response.created(uri.getBaseUriBuilder().path("devices").path(device.serial).build())
                    .tag(ETags.of(device.version)).entity(DeviceView.of(device)).build();
        });
    }

    @GET
    @Path("/{serial}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Get a device by serial", description = "A partner sees only its own devices; others are 404.")
    @APIResponse(responseCode = "200", description = "The device", content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "404", description = "No such device visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(description = "Device serial", example = "64167F2A9C01") @PathParam("serial") String serial,
                        @Parameter(description = "Model, when the same serial exists for several models", example = "CCX-500") @QueryParam("sku") String sku) {
        Device device = devices.bySerial(serial, sku).orElseThrow(() -> ApiProblem.notFound("device", serial));
        return Response.ok(DeviceView.of(device)).tag(ETags.of(device.version)).build();
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "List and search devices", description = "Partner-scoped automatically (a partner sees only its own devices). "
            + "Filters: customer, model, status (e.g. IN_RETURN, POLY_PROPERTY (A2)), replacesSerial (P4). Ordered by serial then model; cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of devices")
    public Page<DeviceView> list(@Parameter(description = "Customer", example = "CU-20931") @QueryParam("customerId") String customerId,
                                 @Parameter(description = "Model", example = "CCX-500") @QueryParam("sku") String sku,
                                 @Parameter(description = "Status", schema = @Schema(implementation = DeviceStatus.class)) @QueryParam("status") String status,
                                 @Parameter(description = "P4: the replacement(s) of this serial", example = "64167F2A9B77") @QueryParam("replacesSerial") String replacesSerial,
                                 @Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                 @Parameter(description = "Opaque cursor from the previous page") @QueryParam("cursor") String cursor,
                                 @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(devices.page(new DeviceRepository.DeviceFilter(customerId, sku,
                QueryParams.enumValue(DeviceStatus.class, status, "status"), replacesSerial), page), page,
                DeviceRepository::cursorKey, DeviceView::of, uri);
    }

    @POST
    @Path("/bulk")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Register up to 10,000 devices at once",
            description = "For partner ERPs. The batch is validated as a whole (malformed serial, unknown model, blank customer, "
                    + "delivery date in the future, duplicates in the batch or already registered). mode=all (default): any bad row "
                    + "refuses the whole batch with 422 listing every bad row as errors[].field = devices[<index>].<field>, and nothing "
                    + "is stored. mode=partial: the good rows are stored and the bad ones reported in 'rejected'. One DeviceRegistered "
                    + "event per stored device. Idempotency-Key supported (24 h).")
    @RequestBody(content = @Content(schema = @Schema(implementation = BulkRequest.class), examples = @ExampleObject(name = "two devices",
            value = "{\"devices\":[{\"serial\":\"64167F2A9C01\",\"sku\":\"CCX-500\",\"customerId\":\"CU-20931\",\"deliveredOn\":\"2026-10-15\"},"
                    + "{\"serial\":\"64167F2A9C02\",\"sku\":\"CCX-500\",\"customerId\":\"CU-20931\"}]}")))
    @APIResponse(responseCode = "200", description = "Stored (mode=all: every row; mode=partial: the good rows, bad ones listed)",
            content = @Content(schema = @Schema(implementation = BulkResult.class)))
    @APIResponse(responseCode = "409", description = "A serial was registered concurrently; nothing stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body larger than the limit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "mode=all and some rows are bad (every one listed), or Idempotency-Key reused",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response registerBulk(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                                 @Parameter(description = "all (default): all or nothing; partial: store the good rows",
                                         schema = @Schema(type = SchemaType.STRING, enumeration = {"all", "partial"})) @QueryParam("mode") String mode,
                                 @Valid @NotNull BulkRequest request) {
        BulkRegistration.Mode parsed = switch (mode == null ? "all" : mode) {
            case "all" -> BulkRegistration.Mode.ALL;
            case "partial" -> BulkRegistration.Mode.PARTIAL;
            default -> throw ApiProblem.invalidField("mode", "must be all or partial");
        };
        PartnerStanding partner = trust.actingFor(request.partnerId());
        trust.requireCertified(partner, "register new devices");
        String partnerId = partner.partnerId();
        return idempotency.create(idempotencyKey, caller.id(), new Object[] {parsed.name(), request},
                () -> Response.ok(bulk.register(partnerId, request.devices(), parsed)).build());
    }

    @PUT
    @Path("/{serial}/delivery")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Report or correct the delivery date",
            description = "P3: the distributor delivered the device, new, to the customer on this date; its service period starts then. "
                    + "Not in the future. Requires If-Match. Publishes DeviceDeliveryReported.")
    @APIResponse(responseCode = "200", description = "Reported", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "404", description = "No such device visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The device is no longer in service (in return, Poly property, retired)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reportDelivery(@Parameter(description = "Device serial", example = "64167F2A9C01") @PathParam("serial") String serial,
                                   @Parameter(description = "Model, when the same serial exists for several models", example = "CCX-500") @QueryParam("sku") String sku,
                                   @Parameter(description = "ETag of the device as read", schema = @Schema(type = SchemaType.STRING))
                                   @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                   @Valid @NotNull DeliveryReport report) {
        Device device = registry.reportDelivery(serial, sku, report.deliveredOn(), ifMatch);
        return Response.ok(DeviceView.of(device)).tag(ETags.of(device.version)).build();
    }

    @POST
    @Path("/{serial}/status")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Put a device into service or retire it",
            description = "Manual moves: REGISTERED to IN_SERVICE, and to RETIRED. IN_RETURN and POLY_PROPERTY (A2) are set only by the "
                    + "advance-replacement events. Requires If-Match. Publishes DeviceStatusChanged.")
    @APIResponse(responseCode = "200", description = "Moved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "404", description = "No such device visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Transition not allowed, or a status only the RMA process sets (A2)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@Parameter(description = "Device serial", example = "64167F2A9C01") @PathParam("serial") String serial,
                                 @Parameter(description = "Model, when the same serial exists for several models", example = "CCX-500") @QueryParam("sku") String sku,
                                 @Parameter(description = "ETag of the device as read", schema = @Schema(type = SchemaType.STRING))
                                 @HeaderParam(ETags.IF_MATCH) String ifMatch,
                                 @Valid @NotNull StatusChangeRequest request) {
        Device device = registry.changeStatus(serial, sku, request.status(), request.reason(), ifMatch);
        return Response.ok(DeviceView.of(device)).tag(ETags.of(device.version)).build();
    }

    @GET
    @Path("/{serial}/history")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Status history of a device", description = "Every transition, oldest first (registered, in service, in return, "
            + "Poly property (A2), retired). A partner sees only its own devices.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = StatusHistory.class)))
    @APIResponse(responseCode = "404", description = "No such device visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public StatusHistory history(@Parameter(description = "Device serial", example = "64167F2A9C01") @PathParam("serial") String serial,
                                 @Parameter(description = "Model, when the same serial exists for several models", example = "CCX-500") @QueryParam("sku") String sku) {
        Device device = devices.bySerial(serial, sku).orElseThrow(() -> ApiProblem.notFound("device", serial));
        return new StatusHistory(device.serial, devices.history(device).stream().map(StatusChangeView::of).toList());
    }
}
