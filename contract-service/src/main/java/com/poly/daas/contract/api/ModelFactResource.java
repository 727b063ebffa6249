package com.poly.daas.contract.api;

import com.poly.daas.contract.domain.ModelFact;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/model-eligibility")
@Tag(name = "Model eligibility", description = "Whether a model can be enrolled now, as this service knows it from the registry's events")
@Produces(MediaType.APPLICATION_JSON)
public class ModelFactResource {

    @Schema(name = "ModelEligibility")
    public record ModelEligibility(@Schema(example = "CCX-500") String sku,
                                   @Schema(example = "true") boolean daasEligible,
                                   @Schema(example = "true", description = "E3: extended coverage possible") boolean voice,
                                   @Schema(example = "false", description = "P6: false once end-of-sale is announced") boolean enrollable,
                                   @Schema(example = "2026-11-02") LocalDate endOfSaleAnnouncedOn,
                                   @Schema(example = "[\"P6\", \"E3\"]") java.util.List<String> rules) {
    }

    @GET
    @Path("/{sku}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getModelEligibility", summary = "Can this model be enrolled?",
            description = "P6: a model is enrollable only before its end-of-sale announcement arrives; E3: only voice models may take the extended option.")
    @APIResponse(responseCode = "200", description = "The model's eligibility",
            content = @Content(schema = @Schema(implementation = ModelEligibility.class)))
    @APIResponse(responseCode = "404", description = "Model unknown to this service",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelEligibility get(@org.eclipse.microprofile.openapi.annotations.parameters.Parameter(example = "CCX-500")
                                @PathParam("sku") String sku) {
        ModelFact fact = ModelFact.<ModelFact>findByIdOptional(sku).orElseThrow(() -> ApiProblem.notFound("model", sku));
        return new ModelEligibility(fact.sku, fact.daasEligible, fact.voice, fact.enrollable(), fact.endOfSaleAnnouncedOn,
                java.util.List.of("P6", "E3"));
    }
}
