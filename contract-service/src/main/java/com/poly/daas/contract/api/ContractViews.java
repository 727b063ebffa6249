package com.poly.daas.contract.api;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.poly.daas.contract.domain.CertificationStatus;
import com.poly.daas.contract.domain.Contract;
import com.poly.daas.contract.domain.ContractStatus;
import com.poly.daas.contract.domain.CoverageDecision;
import com.poly.daas.contract.domain.CoverageEndReason;
import com.poly.daas.contract.domain.CoverageOption;
import com.poly.daas.contract.domain.CoveragePeriod;
import com.poly.daas.contract.domain.CoverageStatus;
import com.poly.daas.contract.domain.Customer;
import com.poly.daas.contract.domain.DeviceCoverage;
import com.poly.daas.contract.domain.Partner;
import com.poly.daas.contract.domain.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the contract API. */
public final class ContractViews {
    public static final String SERIAL_PATTERN = "[A-Z0-9][A-Z0-9-]{3,39}";
    public static final String PARTNER_PATTERN = "[A-Za-z0-9][A-Za-z0-9-]{0,63}";

    // ---- partners (P1)

    @Schema(name = "NewPartner", description = "A certified partner to register (admins)")
    public record NewPartner(
            @NotBlank @Pattern(regexp = PARTNER_PATTERN, message = "must be 1-64 letters, digits or '-'")
            @Schema(example = "P-1001", description = "The partner_id claim of the partner's tokens") String id,
            @NotBlank @Size(max = 200) @Schema(example = "Northwind Unified Communications") String name,
            @NotNull @Schema(example = "ACTIVE") CertificationStatus certificationStatus,
            @NotNull @Schema(example = "2026-01-01") LocalDate certifiedFrom,
            @NotNull @Schema(example = "2027-12-31", description = "Inclusive") LocalDate certifiedUntil) {
    }

    @Schema(name = "Certification", description = "P1: the partner's certification status and validity")
    public record Certification(
            @NotNull @Schema(example = "SUSPENDED") CertificationStatus status,
            @NotNull @Schema(example = "2026-01-01") LocalDate certifiedFrom,
            @NotNull @Schema(example = "2027-12-31", description = "Inclusive") LocalDate certifiedUntil) {
    }

    @Schema(name = "Partner", description = "A certified partner")
    public record PartnerView(
            @Schema(example = "P-1001") String id,
            @Schema(example = "Northwind Unified Communications") String name,
            @Schema(example = "ACTIVE") CertificationStatus certificationStatus,
            @Schema(example = "2026-01-01") LocalDate certifiedFrom,
            @Schema(example = "2027-12-31") LocalDate certifiedUntil,
            @Schema(example = "true", description = "P1: may create and change contracts today") boolean activeToday) {

        static PartnerView of(Partner p, LocalDate today) {
            return new PartnerView(p.id, p.name, p.certificationStatus, p.certifiedFrom, p.certifiedUntil, p.activeOn(today));
        }
    }

    // ---- customers (P2)

    @Schema(name = "NewCustomer", description = "An end customer of the partner")
    public record NewCustomer(
            @Schema(description = "Partners may omit it (their own); staff must give it", example = "P-1001") String partnerId,
            @NotBlank @Size(max = 200) @Schema(example = "Contoso Dental Clinics Inc.") String legalName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code, e.g. US")
            @Schema(example = "US", description = "ISO-3166 alpha-2; P2: North America or EMEA only") String country,
            @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO-3166-2 code, e.g. US-CA")
            @Schema(example = "US-CA", description = "ISO-3166-2 subdivision of the country") String subdivision,
            @NotBlank @Size(max = 64) @Schema(example = "America/Los_Angeles", description = "IANA time zone of the site") String timeZone) {
    }

    @Schema(name = "SiteMove", description = "The customer's site moved: support (S1) and return (A3) clocks run in the new site")
    public record SiteMove(
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO-3166 alpha-2 code, e.g. US")
            @Schema(example = "US", description = "ISO-3166 alpha-2; P2: in the customer's region and currency") String country,
            @Pattern(regexp = "[A-Z]{2}-[A-Z0-9]{1,3}", message = "must be an ISO-3166-2 code, e.g. US-CA")
            @Schema(example = "US-NY", description = "ISO-3166-2 subdivision of the country") String subdivision,
            @NotBlank @Size(max = 64) @Schema(example = "America/New_York", description = "IANA time zone of the site") String timeZone) {
    }

    @Schema(name = "Customer", description = "An end customer with its derived region and contract currency")
    public record CustomerView(
            @Schema(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "Contoso Dental Clinics Inc.") String legalName,
            @Schema(example = "US") String country,
            @Schema(example = "US-CA") String subdivision,
            @Schema(example = "America/Los_Angeles") String timeZone,
            @Schema(example = "NORTH_AMERICA", description = "P2, from the country") Region region,
            @Schema(example = "USD", description = "Contract currency of the country") String currency) {

        static CustomerView of(Customer c) {
            return new CustomerView(c.id.toString(), c.partnerId, c.legalName, c.country, c.subdivision, c.timeZone,
                    c.region, c.currency);
        }
    }

    // ---- contracts

    @Schema(name = "Money", description = "An amount as a decimal string with its ISO-4217 currency")
    public record MoneyAmount(
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative")
            @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimals")
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, example = "24.90") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code") @Schema(example = "USD") String currency) {
    }

    @Schema(name = "NewContract", description = "A DaaS contract to draft for one of the partner's customers")
    public record NewContract(
            @Schema(description = "Partners may omit it (their own); staff may give it, it must be the customer's", example = "P-1001")
            String partnerId,
            @NotBlank @Schema(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") String customerId,
            @NotNull @Schema(example = "36", description = "P3: 12, 24, 36, 48 or 60 months", enumeration = {"12", "24", "36", "48", "60"})
            Integer termMonths,
            @NotNull @Valid @Schema(description = "B1: per device per month, in the customer's currency") MoneyAmount monthlyFee,
            @NotNull @Valid @Schema(description = "B1: per extended-coverage device per month, on top of the monthly fee (E2)")
            MoneyAmount extendedCoverageFee) {
    }

    @Schema(name = "Contract", description = "A DaaS contract")
    public record ContractView(
            @Schema(example = "7d4f8a52-1c3b-4f0e-8e7a-2b9d6c5e4f31") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") String customerId,
            @Schema(example = "US") String customerCountry,
            @Schema(example = "36") int termMonths,
            @Schema(example = "USD") String currency,
            MoneyAmount monthlyFee,
            MoneyAmount extendedCoverageFee,
            @Schema(example = "ACTIVE") ContractStatus status,
            @Schema(example = "2026-11-24") LocalDate activatedOn,
            @Schema(example = "2029-11-24", description = "Exclusive: activatedOn + term; the contract expires on this day") LocalDate endsOn,
            @Schema(example = "2028-03-01", description = "Day it was terminated or expired") LocalDate endedOn,
            @Schema(example = "customer moved to another provider") String endReason) {

        static ContractView of(Contract c) {
            return new ContractView(c.id.toString(), c.partnerId, c.customerId.toString(), c.customerCountry, c.termMonths,
                    c.currency, new MoneyAmount(c.monthlyFee, c.currency), new MoneyAmount(c.extendedFee, c.currency),
                    c.status, c.activatedOn, c.endsOn, c.endedOn, c.endReason);
        }
    }

    @Schema(name = "Termination", description = "Why the contract ends before its term")
    public record Termination(
            @NotBlank @Size(max = 500) @Schema(example = "customer moved to another provider") String reason) {
    }

    // ---- enrolment (time of sale)

    @Schema(name = "DeviceToEnrol", description = "One device sold under the contract")
    public record DeviceToEnrol(
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(example = "64167F2A9C01") String serial,
            @NotBlank @Size(max = 40) @Schema(example = "CCX-500", description = "P6: must be eligible and not end-of-sale") String sku,
            @NotNull @Schema(example = "EXTENDED", description = "E1: chosen now or never; E3: EXTENDED for voice models only")
            CoverageOption option,
            @Schema(example = "2026-11-20", description = "P3: distributor delivery date if already known; else reported by the registry later")
            LocalDate deliveredOn) {
    }

    @Schema(name = "Enrolment", description = "Devices to enrol in one go; validated as a whole (all or nothing)")
    public record Enrolment(
            @NotEmpty @Size(max = 500) List<@NotNull @Valid DeviceToEnrol> devices) {
    }

    @Schema(name = "OptionChange", description = "E1: an attempt to change the option after the sale")
    public record OptionChange(@NotNull @Schema(example = "EXTENDED") CoverageOption option) {
    }

    @Schema(name = "CoveragePeriod", description = "P3: start = delivery date (covered); end exclusive = start + term months")
    public record PeriodView(
            @Schema(example = "2026-11-20") LocalDate start,
            @Schema(example = "2029-11-20", description = "Exclusive: first day not covered") LocalDate end,
            @Schema(example = "2029-11-19", description = "Inclusive: last covered day") LocalDate lastDay) {

        static PeriodView of(CoveragePeriod p) {
            return p == null ? null : new PeriodView(p.start(), p.end(), p.lastDay());
        }
    }

    @Schema(name = "EnrolledDevice", description = "A device under a contract")
    public record EnrolledDevice(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "7d4f8a52-1c3b-4f0e-8e7a-2b9d6c5e4f31") String contractId,
            @Schema(example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77") String customerId,
            @Schema(example = "EXTENDED") CoverageOption option,
            @Schema(example = "COVERED") CoverageStatus status,
            @Schema(example = "2026-11-20") LocalDate deliveredOn,
            @Schema(description = "Null until the delivery date is known (P3)") PeriodView period,
            @Schema(example = "2027-04-02", description = "First day no longer covered, once ended") LocalDate endedOn,
            @Schema(example = "REPLACED") CoverageEndReason endReason,
            @Schema(example = "64167F2A9B77", description = "P4: the serial this replacement replaced") String replacesSerial,
            @Schema(example = "64167F2A9B77", description = "P4: first original of the replacement chain") String originalSerial) {

        static EnrolledDevice of(DeviceCoverage d) {
            return new EnrolledDevice(d.serial, d.sku, d.contractId.toString(), d.customerId.toString(), d.option, d.status,
                    d.deliveredOn, PeriodView.of(d.period()), d.endedOn, d.endReason, d.replacesSerial, d.originalSerial);
        }
    }

    @Schema(name = "EnrolmentResult", description = "The devices enrolled")
    public record EnrolmentResult(List<EnrolledDevice> devices) {
    }

    // ---- coverage query

    @Schema(name = "CoverageAnswer", description = "Is this serial covered on this day for this cause?")
    public record CoverageAnswer(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "2027-03-14") LocalDate on,
            @Schema(example = "LIQUID_SPILL") String cause,
            @Schema(example = "COVERED") CoverageDecision.Verdict decision,
            @Schema(example = "IN_PERIOD") CoverageDecision.Reason reason,
            @Schema(example = "7d4f8a52-1c3b-4f0e-8e7a-2b9d6c5e4f31") String contractId,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "EXTENDED") CoverageOption option,
            PeriodView period,
            @Schema(example = "64167F2A9B77") String replacesSerial,
            @Schema(example = "[\"P3\", \"E2\"]", description = "Rule ids behind the decision") List<String> rules) {
    }

    private ContractViews() {
    }
}
