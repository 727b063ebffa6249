package com.poly.daas.rma.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.rma.api.RmaViews.CoverageView;
import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.persistence.CoveredDeviceRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/coverage")
@Tag(name = "Coverage", description = "Device coverage as this service knows it from contract-service's events (P3, E1, E2)")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {
    @Inject
    CoveredDeviceRepository coverage;
    @Inject
    Clock clock;

    @GET
    @Path("/{serial}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getReplacementCoverage", summary = "Is this device covered?",
            description = "The device's coverage that applies on the given day (default today, UTC), else its most recent one, "
                    + "from the replica built from DeviceEnrolled and DeviceCoverageEnded. P3: start inclusive, end exclusive. "
                    + "A partner sees only its own devices; others are 404.")
    @APIResponse(responseCode = "200", description = "The coverage", content = @Content(schema = @Schema(implementation = CoverageView.class)))
    @APIResponse(responseCode = "404", description = "No coverage of this serial visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageView get(@Parameter(example = "64167F2A9C01") @PathParam("serial") String serial,
                            @Parameter(description = "Day to decide for (ISO date)", example = "2026-11-24") @QueryParam("on") String on) {
        LocalDate day = day(on);
        List<CoveredDevice> known = coverage.bySerial(serial);
        CoveredDevice device = known.stream().filter(c -> c.covers(day)).findFirst()
                .or(() -> known.stream().findFirst())
                .orElseThrow(() -> ApiProblem.notFound("coverage", serial));
        return CoverageView.of(device, day);
    }

    private LocalDate day(String on) {
        if (on == null || on.isBlank()) {
            return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("on", "must be an ISO date such as 2026-11-24");
        }
    }
}
