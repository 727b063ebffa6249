package com.poly.daas.registry.api;

import com.poly.daas.platform.security.Roles;
import com.poly.daas.registry.api.ModelViews.PriceListView;
import com.poly.daas.registry.domain.PriceList;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/price-lists")
@Tag(name = "Models", description = "The catalogue of models that can be covered (P5, P6, E3)")
@Produces(MediaType.APPLICATION_JSON)
public class PriceListResource {

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "listPriceLists", summary = "The price lists", description = "A4, B2: one list per region of the programme (P2) and currency.")
    @APIResponse(responseCode = "200", description = "Every price list")
    public List<PriceListView> list() {
        return Arrays.stream(PriceList.values()).map(p -> new PriceListView(p.id(), p.region().name(), p.currency())).toList();
    }
}
