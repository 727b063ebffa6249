package com.poly.daas.registry.api;

import com.poly.daas.registry.api.ModelViews.MoneyView;
import com.poly.daas.registry.domain.Document;
import com.poly.daas.registry.domain.DocumentKind;
import com.poly.daas.registry.domain.Licence;
import com.poly.daas.registry.domain.SparePart;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the partner portal's look-ups: licences, spare parts, documents and software. */
public final class PortalViews {
    public static final String PART_NUMBER_PATTERN = "[A-Z0-9][A-Z0-9-]{2,39}";

    @Schema(name = "NewSparePart", description = "A spare part to add to the catalogue")
    public record NewSparePart(
            @NotBlank @Pattern(regexp = PART_NUMBER_PATTERN, message = "must be 3-40 upper-case letters, digits or '-'")
            @Schema(example = "2200-49700-001") String partNumber,
            @NotBlank @Size(max = 200) @Schema(example = "CCX handset with cord") String name,
            @Valid @NotNull @Schema(description = "List price (North-American list, USD)") MoneyView listPrice,
            @NotEmpty @Size(max = 200) @Schema(description = "SKUs of the catalogued models the part fits", example = "[\"CCX-400\", \"CCX-500\"]")
            List<@NotBlank String> compatibleSkus) {
    }

    @Schema(name = "SparePart", description = "A spare part (catalogue data, the same for every partner)")
    public record SparePartView(
            @Schema(example = "2200-49700-001") String partNumber,
            @Schema(example = "CCX handset with cord") String name,
            MoneyView listPrice,
            @Schema(example = "[\"CCX-400\", \"CCX-500\"]") List<String> compatibleSkus) {

        static SparePartView of(SparePart p) {
            return new SparePartView(p.partNumber, p.name, new MoneyView(p.listPrice, p.currency), p.compatibleSkus.stream().sorted().toList());
        }
    }

    @Schema(name = "NewLicence", description = "A licence issued to a partner's customer, attached to exactly one of a device serial or a software entitlement")
    public record NewLicence(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{7,63}", message = "must be 8-64 upper-case letters, digits or '-'")
            @Schema(example = "LIC-7Q2M-9XKD-44TP") String licenceKey,
            @NotBlank @Size(max = 200) @Schema(example = "Poly Lens Pro") String product,
            @NotBlank @Size(max = 64) @Schema(example = "P-1001", description = "The partner owning the licence") String partnerId,
            @NotBlank @Size(max = 64) @Schema(example = "CU-20931") String customerId,
            @Pattern(regexp = DeviceViews.SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(example = "64167F2A9C01", description = "A registered device of the partner (or give entitlementId)") String deviceSerial,
            @Size(max = 64) @Schema(example = "ENT-55012", description = "A software entitlement (or give deviceSerial)") String entitlementId,
            @NotNull @Min(1) @Max(100000) @Schema(example = "1") Integer seats,
            @NotNull @Schema(example = "2026-10-15") LocalDate validFrom,
            @Schema(example = "2029-10-14", description = "Last day valid; absent for perpetual") LocalDate validUntil) {
    }

    @Schema(name = "Licence", description = "A licence (portal: look up licences)")
    public record LicenceView(
            @Schema(example = "LIC-7Q2M-9XKD-44TP") String licenceKey,
            @Schema(example = "Poly Lens Pro") String product,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "64167F2A9C01") String deviceSerial,
            @Schema(example = "ENT-55012") String entitlementId,
            @Schema(example = "1") int seats,
            @Schema(example = "2026-10-15") LocalDate validFrom,
            @Schema(example = "2029-10-14") LocalDate validUntil) {

        static LicenceView of(Licence l) {
            return new LicenceView(l.licenceKey, l.product, l.partnerId, l.customerId, l.deviceSerial, l.entitlementId, l.seats,
                    l.validFrom, l.validUntil);
        }
    }

    @Schema(name = "Document", description = "A document or software release of a model; download it from downloadUrl")
    public record DocumentView(
            @Schema(example = "0b7e4e9a-4f7e-4d4c-9a43-2a7f0e8c1d55") UUID id,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "FIRMWARE") DocumentKind kind,
            @Schema(example = "CCX UC Software") String title,
            @Schema(example = "8.1.3") String version,
            @Schema(example = "2026-09-30") LocalDate releasedOn,
            @Schema(example = "ccx-8.1.3.zip") String fileName,
            @Schema(example = "1048576") long sizeBytes,
            @Schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08") String sha256,
            @Schema(example = "/documents/0b7e4e9a-4f7e-4d4c-9a43-2a7f0e8c1d55/content") String downloadUrl) {

        static DocumentView of(Document d) {
            return new DocumentView(d.id, d.sku, d.kind, d.title, d.version, d.releasedOn, d.fileName, d.sizeBytes, d.sha256,
                    "/documents/" + d.id + "/content");
        }
    }

    private PortalViews() {
    }
}
