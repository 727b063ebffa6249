package com.poly.daas.registry.api;

import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.DeviceStatus;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the serial registry. */
public final class DeviceViews {
    public static final String SERIAL_PATTERN = "[A-Z0-9][A-Z0-9-]{3,39}";

    @Schema(name = "NewDevice", description = "A device to register (portal: register products)")
    public record NewDevice(
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(example = "64167F2A9C01") String serial,
            @NotBlank @Schema(example = "CCX-500") String sku,
            @NotBlank @Size(max = 64) @Schema(example = "CU-20931") String customerId,
            @Schema(description = "Partner the device belongs to; partners may omit it (their own), staff must give it", example = "P-1001")
            String partnerId,
            @Schema(description = "P3: date the distributor delivered the device, new, to the customer", example = "2026-10-15")
            LocalDate deliveredOn) {
    }

    @Schema(name = "Device", description = "A registered device")
    public record DeviceView(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "2026-10-15") LocalDate deliveredOn,
            @Schema(example = "REGISTERED") DeviceStatus status,
            @Schema(description = "P4: serial this device replaced", example = "64167F2A9B77") String replacesSerial) {

        static DeviceView of(Device d) {
            return new DeviceView(d.serial, d.sku, d.partnerId, d.customerId, d.deliveredOn, d.status, d.replacesSerial);
        }
    }

    private DeviceViews() {
    }
}
