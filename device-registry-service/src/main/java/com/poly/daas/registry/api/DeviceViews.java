package com.poly.daas.registry.api;

import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.DeviceStatus;
import com.poly.daas.registry.domain.DeviceStatusChange;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
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

    @Schema(name = "BulkDevice", description = "One row of a bulk registration; rows are validated by the service as a whole "
            + "so that every bad row is reported with its index")
    public record BulkDevice(
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "CU-20931") String customerId,
            @Schema(example = "2026-10-15", description = "P3: distributor delivery date, may be reported later") LocalDate deliveredOn) {
    }

    @Schema(name = "BulkRegistration", description = "Up to 10,000 devices for one partner (partner ERPs)")
    public record BulkRequest(
            @Schema(description = "Partner the devices belong to; partners may omit it (their own), staff must give it", example = "P-1001")
            String partnerId,
            @NotNull @jakarta.validation.constraints.Size(min = 1, max = 10_000)
            @Schema(description = "1 to 10,000 rows") List<BulkDevice> devices) {
    }

    @Schema(name = "RejectedRow", description = "A bad row of a bulk registration")
    public record RejectedRow(
            @Schema(example = "17", description = "0-based index of the row in 'devices'") int index,
            @Schema(example = "64167F2A9C01") String serial,
            @Schema(example = "serial", description = "Offending field of the row") String field,
            @Schema(example = "already registered") String reason) {
    }

    @Schema(name = "BulkResult", description = "Outcome of a bulk registration")
    public record BulkResult(
            @Schema(example = "partial") String mode,
            @Schema(example = "10000") int received,
            @Schema(example = "9998") int registered,
            @Schema(description = "Every bad row (mode=partial); empty when all rows were stored") List<RejectedRow> rejected) {
    }

    @Schema(name = "DeliveryReport", description = "P3: the distributor's delivery date of the device, new, to the customer")
    public record DeliveryReport(@NotNull @Schema(example = "2026-10-15") LocalDate deliveredOn) {
    }

    @Schema(name = "StatusChangeRequest", description = "A manual lifecycle move: IN_SERVICE or RETIRED (RMA moves come from events)")
    public record StatusChangeRequest(
            @NotNull @Schema(example = "IN_SERVICE") DeviceStatus status,
            @jakarta.validation.constraints.Size(max = 200) @Schema(example = "installed in meeting room 4.12") String reason) {
    }

    @Schema(name = "StatusChange", description = "One entry of a device's status history")
    public record StatusChangeView(
            @Schema(example = "REGISTERED") DeviceStatus previousStatus,
            @Schema(example = "IN_RETURN") DeviceStatus status,
            @Schema(example = "advance replacement 64167F2A9D02 shipped (RMA R-1001)") String reason,
            @Schema(example = "2026-11-02T10:15:30Z") Instant changedAt) {

        static StatusChangeView of(DeviceStatusChange c) {
            return new StatusChangeView(c.previousStatus, c.status, c.reason, c.changedAt);
        }
    }

    @Schema(name = "StatusHistory", description = "A device's status history, oldest first")
    public record StatusHistory(@Schema(example = "64167F2A9C01") String serial, List<StatusChangeView> items) {
    }

    private DeviceViews() {
    }
}
