package com.poly.daas.rma.api;

import com.poly.daas.rma.domain.CoveredDevice;
import com.poly.daas.rma.domain.Rma;
import com.poly.daas.rma.domain.RmaCause;
import com.poly.daas.rma.domain.RmaStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the RMA API. */
public final class RmaViews {
    public static final String SERIAL_PATTERN = "[A-Z0-9][A-Z0-9-]{3,39}";

    @Schema(name = "ShipTo", description = "Where the replacement goes: the customer's site, whose calendar counts (A1 delivery, A3 return)")
    public record ShipTo(
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
            @Schema(description = "P2: North America or EMEA", example = "US") String country,
            @Pattern(regexp = "([A-Z]{2}-)?[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 subdivision such as NY or US-NY")
            @Schema(example = "NY") String subdivision,
            @NotBlank @Size(max = 64) @Schema(example = "America/New_York") String timeZone) {
    }

    @Schema(name = "NewRma", description = "A request for an advance replacement (A1)")
    public record NewRma(
            @Schema(description = "Partner the RMA is for; partners may omit it (their own), agents must give it", example = "P-1001")
            String partnerId,
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(example = "64167F2A9C01") String serial,
            @NotNull @Schema(example = "HARDWARE_FAILURE", description = "E4: FIRE, INTENTIONAL_DAMAGE, WEAR_AND_TEAR, COSMETIC, THEFT "
                    + "and LOSS are never covered; E2: LIQUID_SPILL and DROP_DAMAGE need the extended option") RmaCause cause,
            @Size(max = 64) @Schema(description = "The ticket that confirmed the failure (S3), if any",
                    example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String ticketId,
            @Valid @NotNull ShipTo shipTo) {
    }

    @Schema(name = "Shipment", description = "The advance replacement leaves the service centre (A1)")
    public record Shipment(
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(description = "P4: the replacement inherits the original's period", example = "64167F2A9D55") String replacementSerial) {
    }

    @Schema(name = "ReturnReceipt", description = "The defective unit reached the service centre (A2, A3)")
    public record ReturnReceipt(
            @Schema(description = "Day of receipt at the centre (default: today there); not in the future", example = "2026-12-30")
            LocalDate receivedOn) {
    }

    @Schema(name = "Rma", description = "An advance replacement with its A1 ship date and A3 return clock")
    public record RmaView(
            @Schema(example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "HARDWARE_FAILURE") RmaCause cause,
            @Schema(example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String ticketId,
            @Schema(example = "US") String shipToCountry,
            @Schema(example = "NY") String shipToSubdivision,
            @Schema(example = "America/New_York") String shipToTimeZone,
            @Schema(description = "Ship-from service centre of the customer's region; the return goes there too (A3)", example = "NA-MEM")
            String serviceCentre,
            @Schema(example = "AUTHORISED") RmaStatus status,
            @Schema(example = "2026-12-22T16:00:00Z") Instant authorisedAt,
            @Schema(description = "A1: same business day before the centre's cut-off (15:00 local), else the next", example = "2026-12-22")
            LocalDate shipDate,
            @Schema(description = "A1: next business day after shipping, customer's calendar", example = "2026-12-23")
            LocalDate expectedDeliveryOn,
            @Schema(example = "64167F2A9D55") String replacementSerial,
            @Schema(example = "2026-12-22T18:30:00Z") Instant shippedAt,
            @Schema(description = "A3: expected delivery + 10 business days of the customer's country (provisional)", example = "2027-01-08")
            LocalDate returnDueOn,
            @Schema(example = "2026-12-30") LocalDate receivedOn,
            @Schema(description = "A3: received after the due date", example = "false") Boolean receivedLate,
            @Schema(description = "A2: the defective unit is Poly's property once received", example = "false") boolean polyProperty) {

        static RmaView of(Rma r) {
            return new RmaView(r.id.toString(), r.partnerId, r.customerId, r.contractId, r.serial, r.sku, r.cause, r.ticketId,
                    r.shipToCountry, r.shipToSubdivision, r.shipToZone, r.serviceCentre, r.status, r.authorisedAt,
                    r.shipDate, r.expectedDeliveryOn, r.replacementSerial, r.shippedAt, r.returnDueOn, r.receivedOn,
                    r.receivedLate, r.status == RmaStatus.RECEIVED);
        }
    }

    @Schema(name = "Coverage", description = "A device's coverage as this service knows it from contract-service's events")
    public record CoverageView(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "CCX-500") String sku,
            @Schema(description = "E1/E2: STANDARD or EXTENDED", example = "EXTENDED") String option,
            @Schema(description = "P3: the delivery date; absent until reported", example = "2026-10-15") LocalDate coverageStart,
            @Schema(description = "P3: first day no longer covered (start + term)", example = "2029-10-15") LocalDate coverageEnd,
            @Schema(example = "2027-03-01") LocalDate endedOn,
            @Schema(example = "CONTRACT_TERMINATED") String endReason,
            @Schema(description = "Whether the device is covered on the given day", example = "true") boolean covered,
            @Schema(example = "2026-11-24") LocalDate on) {

        static CoverageView of(CoveredDevice c, LocalDate on) {
            return new CoverageView(c.serial, c.contractId, c.partnerId, c.customerId, c.sku, c.option, c.coverageStart,
                    c.coverageEnd, c.endedOn, c.endReason, c.covers(on), on);
        }
    }

    private RmaViews() {
    }
}
