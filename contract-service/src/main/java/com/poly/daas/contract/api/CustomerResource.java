package com.poly.daas.contract.api;

import com.poly.daas.contract.api.ContractViews.CustomerView;
import com.poly.daas.contract.api.ContractViews.NewCustomer;
import com.poly.daas.contract.api.ContractViews.SiteMove;
import com.poly.daas.contract.domain.Customer;
import com.poly.daas.contract.persistence.CustomerRepository;
import com.poly.daas.contract.service.CustomerBook;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.ETags;
import com.poly.daas.platform.api.IdempotentRequests;
import com.poly.daas.platform.api.Page;
import com.poly.daas.platform.api.PageRequest;
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

@Path("/customers")
@Tag(name = "Customers", description = "The partners' end customers (P2)")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {
    @Inject
    CustomerRepository customers;
    @Inject
    CustomerBook book;
    @Inject
    IdempotentRequests idempotency;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Add an end customer",
            description = "P2: the country (ISO-3166 alpha-2) must be in North America (US, CA, MX) or EMEA, else 422 naming "
                    + "'country'; the region and the contract currency follow from it (US/MX: USD, CA: CAD, GB: GBP, rest of "
                    + "EMEA: EUR). timeZone must be an IANA zone. P1: the partner must be certified. Idempotency-Key supported.")
    @APIResponse(responseCode = "201", description = "Added", headers = {@Header(name = "Location"), @Header(name = "ETag")},
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "A partner acting for another partner",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Country outside North America and EMEA (P2), partner not certified (P1), "
            + "or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response add(@Parameter(description = "Makes retries safe: same key + same body = same response (24 h)")
                        @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
                        @Valid @NotNull NewCustomer request, @Context UriInfo uri) {
        String partnerId = caller.actingFor(request.partnerId());
        return idempotency.create(idempotencyKey, caller.id(), request, () -> {
            Customer customer = book.add(request, partnerId);
            return Response.created(uri.getBaseUriBuilder().path("customers").path(customer.id.toString()).build())
                    .tag(ETags.of(customer.version)).entity(CustomerView.of(customer)).build();
        });
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "List customers", description = "A partner lists only its own customers. Cursor pagination.")
    @APIResponse(responseCode = "200", description = "One page of customers")
    public Page<CustomerView> list(@Parameter(description = "Page size, 1-200 (default 50)") @QueryParam("limit") Integer limit,
                                   @Parameter(description = "Opaque cursor from the previous page's 'cursor'") @QueryParam("cursor") String cursor,
                                   @Context UriInfo uri) {
        PageRequest page = PageRequest.of(limit, cursor);
        return Page.of(customers.page(page), page, c -> c.id.toString(), CustomerView::of, uri);
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(summary = "Get a customer", description = "A partner sees only its own customers; others are 404.")
    @APIResponse(responseCode = "200", description = "The customer", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@Parameter(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") @PathParam("customerId") String customerId) {
        Customer customer = customers.byId(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        return Response.ok(CustomerView.of(customer)).tag(ETags.of(customer.version)).build();
    }

    @PUT
    @Path("/{customerId}/site")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN})
    @Operation(summary = "Move a customer's site",
            description = "The site's country, subdivision and time zone, in which support (S1) and return (A3) clocks run; "
                    + "published as CustomerChanged to every service. P2: the new country must keep the customer's region "
                    + "and currency (else 422; a site elsewhere is a new customer). The partner (its own customers only) or "
                    + "staff. If-Match required.")
    @APIResponse(responseCode = "200", description = "Moved", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Country outside the customer's region or currency (P2)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response moveSite(@Parameter(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") @PathParam("customerId") String customerId,
                             @HeaderParam("If-Match") String ifMatch, @Valid @NotNull SiteMove move) {
        Customer customer = book.moveSite(customerId, move, ifMatch);
        return Response.ok(CustomerView.of(customer)).tag(ETags.of(customer.version)).build();
    }
}
