package com.poly.daas.rma.api;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.parties.PartyDirectory;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.platform.security.Roles;
import com.poly.daas.rma.domain.AnnualRmaRate;
import com.poly.daas.rma.service.AnnualRmaRates;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/customers/{customerId}/rma-rates")
@Tag(name = "RMA rate", description = "E5: a customer's annual RMA rate against the 2 % threshold")
@Produces(MediaType.APPLICATION_JSON)
public class RmaRateResource {
    @Inject
    AnnualRmaRates rates;
    @Inject
    PartyDirectory parties;
    @Inject
    Caller caller;

    @Schema(name = "MonthEndCount", description = "Devices under active contract on a month-end (or today, for the month in progress)")
    public record SampleView(@Schema(example = "2026-01-31") LocalDate day, @Schema(example = "120") int devices) {
    }

    @Schema(name = "RmaRate", description = "E5: RMAs authorised in the calendar year / installed base under active contract "
            + "(average of month-end counts); an excess is strictly above the threshold")
    public record RmaRateView(
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "2026") int year,
            @Schema(description = "RMAs authorised in the year (customer's local dates)", example = "3") int rmasAuthorised,
            @Schema(description = "Average of the month-end counts", example = "120.0000") String installedBase,
            @Schema(description = "RMAs / installed base in percent; absent without an installed base", example = "2.50") String ratePercent,
            @Schema(example = "2") String thresholdPercent,
            @Schema(description = "Strictly above the threshold", example = "true") boolean aboveThreshold,
            List<SampleView> monthEndCounts) {

        static RmaRateView of(String customerId, AnnualRmaRate r) {
            BigDecimal rate = r.ratePercent();
            return new RmaRateView(customerId, r.year(), r.rmasAuthorised(), r.installedBase().toPlainString(),
                    rate == null ? null : rate.toPlainString(), r.thresholdPercent().toPlainString(), r.exceedsThreshold(),
                    r.samples().stream().map(s -> new SampleView(s.day(), s.devices())).toList());
        }
    }

    @GET
    @Path("/{year}")
    @Transactional
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "getAnnualRmaRate", summary = "A customer's RMA rate for a year",
            description = "E5: RMAs authorised in the calendar year, the installed base under active contract (average of the "
                    + "month-end counts; for the running year the month-ends passed and today), the rate, the threshold (default "
                    + "2 %) and whether it is exceeded. A partner reads only its own customers; others are 404.")
    @APIResponse(responseCode = "200", description = "The rate", content = @Content(schema = @Schema(implementation = RmaRateView.class)))
    @APIResponse(responseCode = "400", description = "Not a year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such customer visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RmaRateView get(@Parameter(description = "Customer id", example = "CU-20931") @PathParam("customerId") String customerId,
                           @Parameter(description = "Calendar year", example = "2026") @PathParam("year") String year) {
        int y;
        try {
            y = Integer.parseInt(year);
        } catch (NumberFormatException e) {
            throw ApiProblem.invalidField("year", "must be a calendar year such as 2026");
        }
        if (y < 2000 || y > 2100) {
            throw ApiProblem.invalidField("year", "must be a calendar year between 2000 and 2100");
        }
        var customer = parties.customer(customerId)
                .filter(c -> caller.partnerId().map(p -> p.equals(c.partnerId())).orElse(true))
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        return RmaRateView.of(customer.customerId(), rates.rate(customerId, y));
    }
}
