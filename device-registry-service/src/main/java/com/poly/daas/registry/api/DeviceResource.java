package com.poly.daas.registry.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.DeviceViews.DeviceView;
import com.poly.daas.registry.api.DeviceViews.NewDevice;
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

    @POST
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Register a device",
            description = "Registers a serial of a catalogued model to one of the partner's customers. The serial is unique per "
                    + "model: registering it again is 409. deliveredOn (P3) may be given now or reported later. "
                    + "Publishes DeviceRegistered. Idempotency-Key supported (24 h).")
    @APIResponse(responseCode = "201", description = "Registered", headers = @Header(name = "Location"),
            content = @Content(schema = @Schema(implementation = DeviceView.class)))
    @APIResponse(responseCode = "409", description = "Serial already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                             @Valid @NotNull NewDevice request, @Context UriInfo uri) {
        String partnerId = caller.actingFor(request.partnerId());
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
    public Response get(@PathParam("serial") String serial) {
        Device device = devices.bySerial(serial).orElseThrow(() -> ApiProblem.notFound("device", serial));
        return Response.ok(DeviceView.of(device)).tag(ETags.of(device.version)).build();
    }
}
