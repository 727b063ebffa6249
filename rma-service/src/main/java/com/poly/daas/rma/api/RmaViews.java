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
import java.util.ArrayList;
import java.util.List;
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

    @Schema(name = "NewRma", description = "An agent's request for an advance replacement (A1), with the reason it is "
            + "opened outside a ticket's triage (audited)")
    public record NewRma(
            @NotBlank @Size(max = 64) @Schema(description = "Partner whose customer's device it is", example = "P-1001")
            String partnerId,
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(example = "64167F2A9C01") String serial,
            @NotNull @Schema(example = "HARDWARE_FAILURE", description = "E4: FIRE, INTENTIONAL_DAMAGE, WEAR_AND_TEAR, COSMETIC, THEFT "
                    + "and LOSS are never covered; E2: LIQUID_SPILL and DROP_DAMAGE need the extended option") RmaCause cause,
            @Size(max = 64) @Schema(description = "A ticket whose hardware failure was confirmed (S3) and reached this service; "
                    + "unknown tickets are refused", example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String ticketId,
            @NotBlank @Size(max = 2000) @Schema(description = "Why an agent opens this RMA (kept in the audit trail)",
                    example = "Ticket refused P3 before the delivery date was reported; coverage now confirmed") String reason,
            @Valid @NotNull ShipTo shipTo) {
    }

    @Schema(name = "Shipment", description = "The advance replacement leaves the service centre (A1)")
    public record Shipment(
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(description = "A registered device of the defective unit's model; P4: it inherits the original's period",
                    example = "64167F2A9D55") String replacementSerial,
            @NotBlank @Size(max = 64) @Schema(example = "UPS") String carrier,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,64}", message = "must be 4-64 letters, digits or '-'")
            @Schema(example = "1Z999AA10123456784") String trackingNumber) {
    }

    @Schema(name = "Delivery", description = "The carrier delivered the replacement to the customer's site (A3)")
    public record Delivery(
            @Schema(description = "Day of receipt at the customer's site (default: today there); not in the future, not "
                    + "before the shipment", example = "2026-12-23") LocalDate deliveredOn) {
    }

    @Schema(name = "ReturnReceipt", description = "The defective unit reached the service centre (A2, A3)")
    public record ReturnReceipt(
            @Schema(description = "Day of receipt at the centre (default: today there); not in the future", example = "2026-12-30")
            LocalDate receivedOn) {
    }

    @Schema(name = "RmaTimelineEntry", description = "One step of an RMA's life")
    public record TimelineEntry(
            @Schema(example = "SHIPPED", description = "AUTHORISED, SHIPPED, DELIVERED, OVERDUE or RECEIVED") String step,
            @Schema(example = "2026-12-22T18:30:00Z") Instant at,
            @Schema(example = "2026-12-22") LocalDate on,
            @Schema(example = "UPS 1Z999AA10123456784, replacement 64167F2A9D55") String detail) {
    }

    @Schema(name = "Rma", description = "An advance replacement with its A1 ship date, A3 return clock and timeline")
    public record RmaView(
            @Schema(example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "C-7781") String contractId,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "HARDWARE_FAILURE") RmaCause cause,
            @Schema(example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String ticketId,
            @Schema(description = "TICKET (a ticket's confirmed hardware failure, S3) or AGENT (with a reason)", example = "TICKET")
            String origin,
            @Schema(example = "US") String shipToCountry,
            @Schema(example = "NY") String shipToSubdivision,
            @Schema(example = "America/New_York") String shipToTimeZone,
            @Schema(description = "Ship-from service centre of the customer's region; the return goes there too (A3)", example = "NA-MEM")
            String serviceCentre,
            @Schema(description = "A3: the address on the prepaid return packaging",
                    example = "Poly Service Centre NA, 4100 Airways Blvd, Memphis, TN 38116, US") String returnAddress,
            @Schema(example = "AUTHORISED") RmaStatus status,
            @Schema(example = "2026-12-22T16:00:00Z") Instant authorisedAt,
            @Schema(description = "A1: same business day before the centre's cut-off (15:00 local), else the next", example = "2026-12-22")
            LocalDate shipDate,
            @Schema(description = "A1: next business day after shipping, customer's calendar", example = "2026-12-23")
            LocalDate expectedDeliveryOn,
            @Schema(example = "64167F2A9D55") String replacementSerial,
            @Schema(example = "UPS") String carrier,
            @Schema(example = "1Z999AA10123456784") String trackingNumber,
            @Schema(example = "2026-12-22T18:30:00Z") Instant shippedAt,
            @Schema(description = "A3: the day the customer received the replacement", example = "2026-12-23") LocalDate deliveredOn,
            @Schema(description = "A3: provisional (expected delivery + 10 business days) until the delivery is confirmed, then "
                    + "delivery + 10 business days of the customer's country", example = "2027-01-08")
            LocalDate returnDueOn,
            @Schema(description = "A3: business days left until the due date at the customer's site today (0 on the due day, "
                    + "negative once overdue); absent when no unit is awaited", example = "7") Integer businessDaysLeft,
            @Schema(description = "A4: first day the unit was overdue", example = "2027-01-09") LocalDate overdueOn,
            @Schema(example = "2026-12-30") LocalDate receivedOn,
            @Schema(description = "A3: received after the due date", example = "false") Boolean receivedLate,
            @Schema(description = "A2: the defective unit is Poly's property once received", example = "false") boolean polyProperty,
            @Schema(description = "Authorised, shipped, delivered, overdue, received, oldest first") List<TimelineEntry> timeline) {

        public static RmaView of(Rma r, Integer businessDaysLeft) {
            return new RmaView(r.id.toString(), r.partnerId, r.customerId, r.contractId, r.serial, r.sku, r.cause, r.ticketId,
                    r.origin, r.shipToCountry, r.shipToSubdivision, r.shipToZone, r.serviceCentre, r.returnAddress, r.status,
                    r.authorisedAt, r.shipDate, r.expectedDeliveryOn, r.replacementSerial, r.carrier, r.trackingNumber,
                    r.shippedAt, r.deliveredOn, r.returnDueOn, businessDaysLeft, r.overdueOn, r.receivedOn, r.receivedLate,
                    r.status == RmaStatus.RECEIVED, timeline(r));
        }

        static List<TimelineEntry> timeline(Rma r) {
            List<TimelineEntry> steps = new ArrayList<>();
            steps.add(new TimelineEntry("AUTHORISED", r.authorisedAt, null, "ships " + r.shipDate + " from " + r.serviceCentre
                    + ("AGENT".equals(r.origin) ? " (opened by an agent)" : "")));
            if (r.shippedAt != null) {
                steps.add(new TimelineEntry("SHIPPED", r.shippedAt, null, r.carrier + " " + r.trackingNumber + ", replacement "
                        + r.replacementSerial + ", expected " + r.expectedDeliveryOn));
            }
            if (r.deliveredOn != null) {
                steps.add(new TimelineEntry("DELIVERED", r.deliveryConfirmedAt, r.deliveredOn, "return due " + r.returnDueOn));
            }
            if (r.overdueOn != null) {
                steps.add(new TimelineEntry("OVERDUE", r.overdueDetectedAt, r.overdueOn, "not returned by " + r.returnDueOn
                        + " (A4: billed at list price)"));
            }
            if (r.receivedOn != null) {
                steps.add(new TimelineEntry("RECEIVED", r.receivedAt, r.receivedOn, Boolean.TRUE.equals(r.receivedLate)
                        ? "late, due " + r.returnDueOn : "Poly property (A2)"));
            }
            return steps;
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
