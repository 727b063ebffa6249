package com.poly.daas.contract.api;

import com.poly.daas.contract.api.ContractViews.CoverageAnswer;
import com.poly.daas.contract.api.ContractViews.PeriodView;
import com.poly.daas.contract.domain.Cause;
import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.CoverageDecision;
import com.poly.daas.contract.domain.CoverageEndReason;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.domain.ModelFact;
import com.poly.daas.contract.persistence.ContractRepository;
import com.poly.daas.contract.persistence.CoverageRepository;
import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.api.Problem;
import com.poly.daas.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/coverage")
@Tag(name = "Coverage", description = "Is a device covered on a day for a cause? (P3, P4, P5, E2, E4)")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {
    @Inject
    CoverageRepository coverages;
    @Inject
    ContractRepository contracts;
    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.AGENT, Roles.ADMIN, Roles.SERVICE})
    @Operation(operationId = "decideCoverage", summary = "Is this serial covered on this day for this cause?",
            description = "COVERED or NOT_COVERED with the reason, the period, the option and the rule ids behind it. P3: covered from "
                    + "the delivery date for the term (end exclusive); P4: a replacement carries its original's period and the "
                    + "original is not covered from the day the replacement shipped; P5: an end-of-support announcement changes "
                    + "nothing; E2: LIQUID_SPILL and DROP_DAMAGE need the EXTENDED option; E4: FIRE, INTENTIONAL_DAMAGE, "
                    + "WEAR_AND_TEAR, COSMETIC, THEFT and LOSS are never covered. A partner asking about another partner's serial "
                    + "gets 404.")
    @APIResponse(responseCode = "200", description = "The decision",
            content = @Content(schema = @Schema(implementation = CoverageAnswer.class)))
    @APIResponse(responseCode = "404", description = "Serial never enrolled, or not visible to the caller",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoverageAnswer coverage(
            @Parameter(required = true, example = "64167F2A9C01") @QueryParam("serial") String serial,
            @Parameter(description = "ISO date; default today at the customer's site when timeZone is given (P4 decision), else UTC",
                    example = "2027-03-14") @QueryParam("on") String on,
            @Parameter(description = "The customer's site time zone that decides which day 'today' is (P4 decision)",
                    example = "America/Los_Angeles") @QueryParam("timeZone") String timeZone,
            @Parameter(required = true, example = "LIQUID_SPILL", schema = @Schema(enumeration = {"HARDWARE_FAILURE", "LIQUID_SPILL",
                    "DROP_DAMAGE", "FIRE", "INTENTIONAL_DAMAGE", "WEAR_AND_TEAR", "COSMETIC", "THEFT", "LOSS"}))
            @QueryParam("cause") String cause) {
        if (serial == null || serial.isBlank()) {
            throw ApiProblem.invalidField("serial", "is required");
        }
        LocalDate day = parseDay(on, timeZone);
        if (cause == null || cause.isBlank()) {
            throw ApiProblem.invalidField("cause", "is required, one of " + Arrays.toString(Cause.values()));
        }
        Cause what = Cause.parse(cause).orElseThrow(() ->
                ApiProblem.invalidField("cause", "must be one of " + Arrays.toString(Cause.values())));
        List<DeviceCoverage> rows = coverages.allBySerial(serial);
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("device coverage", serial);
        }
        DeviceCoverage device = rows.stream().filter(d -> coversDay(d, day)).findFirst()
                .orElseGet(() -> rows.stream().max(Comparator.comparing(d -> d.enrolledAt)).orElseThrow());
        Contract contract = contracts.findById(device.contractId);
        ModelFact model = ModelFact.findById(device.sku);
        boolean endedEarly = device.endReason != null && device.endReason != CoverageEndReason.PERIOD_ENDED;
        CoverageDecision decision = CoverageDecision.decide(new CoverageDecision.Facts(contract.everActivated(), device.period(),
                device.option, endedEarly ? device.endedOn : null, endedEarly ? device.endReason.asDecisionReason() : null,
                device.isReplacement(), model != null && model.endOfSupportAnnouncedOn != null), day, what);
        return new CoverageAnswer(device.serial, day, what.name(), decision.decision(), decision.reason(),
                device.contractId.toString(), device.sku, device.option, PeriodView.of(device.period()), device.replacesSerial,
                decision.rules());
    }

    private static boolean coversDay(DeviceCoverage d, LocalDate day) {
        return d.period() != null && d.period().contains(day) && (d.endedOn == null || day.isBefore(d.endedOn));
    }

    private LocalDate parseDay(String on, String timeZone) {
        if (on == null || on.isBlank()) {
            try {
                return com.poly.daas.events.CoverageDay.of(clock.instant(), timeZone);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.invalidField("timeZone", "must be an IANA time zone such as America/Los_Angeles");
            }
        }
        try {
            return LocalDate.parse(on);
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField("on", "must be an ISO date (YYYY-MM-DD)");
        }
    }
}
