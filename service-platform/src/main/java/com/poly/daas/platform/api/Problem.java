package com.poly.daas.platform.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code rule} names the programme rule
 * (docs/rules.md id) behind a business refusal; {@code errors} lists the offending fields of a validation error.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details. Never contains stack traces or SQL.")
public record Problem(
        @Schema(example = "https://problems.daas.poly.com/validation-failed") URI type,
        @Schema(example = "Request is not valid") String title,
        @Schema(example = "400") int status,
        @Schema(example = "serial: must match [A-Z0-9-]{4,40}") String detail,
        @Schema(example = "/devices") String instance,
        @Schema(description = "Programme rule id behind a business refusal (see docs/rules.md)", example = "P6") String rule,
        @Schema(description = "Offending fields of a validation error") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://problems.daas.poly.com/";

    @Schema(name = "FieldError")
    public record FieldError(@Schema(example = "serial") String field,
                             @Schema(example = "must not be blank") String message) {
    }
}
