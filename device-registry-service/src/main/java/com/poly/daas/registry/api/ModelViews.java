package com.poly.daas.registry.api;

import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.domain.ModelCategory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the model catalogue. */
public final class ModelViews {

    @Schema(name = "NewModel", description = "A model to add to the catalogue")
    public record NewModel(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2-40 upper-case letters, digits or '-'")
            @Schema(example = "CCX-500") String sku,
            @NotBlank @Size(max = 200) @Schema(example = "Poly CCX 500 Business Media Phone") String name,
            @NotBlank @Size(max = 100) @Schema(example = "CCX") String family,
            @NotNull @Schema(example = "DESK_PHONE", description = "Voice categories (DESK_PHONE, CONFERENCE_PHONE, HEADSET) may take extended coverage (E3)")
            ModelCategory category,
            @NotNull @Schema(example = "true", description = "Whether the model can be sold as a Device-as-a-Service") Boolean daasEligible) {
    }

    @Schema(name = "Announcement", description = "A lifecycle announcement: the day Poly announced it and the day it takes effect")
    public record Announcement(
            @NotNull @Schema(example = "2026-11-02") LocalDate announcedOn,
            @NotNull @Schema(example = "2027-05-01") LocalDate effectiveOn) {
    }

    @Schema(name = "Model", description = "A catalogue model with its programme facts")
    public record ModelView(
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "Poly CCX 500 Business Media Phone") String name,
            @Schema(example = "CCX") String family,
            @Schema(example = "DESK_PHONE") ModelCategory category,
            @Schema(example = "true", description = "E3: voice devices may take extended coverage") boolean voice,
            @Schema(example = "true") boolean daasEligible,
            @Schema(example = "true", description = "P6: eligible and no end-of-sale announced") boolean enrollable,
            @Schema(example = "2026-11-02") LocalDate endOfSaleAnnouncedOn,
            @Schema(example = "2027-05-01") LocalDate endOfSaleEffectiveOn,
            @Schema(example = "2028-01-01") LocalDate endOfSupportAnnouncedOn,
            @Schema(example = "2031-12-31") LocalDate endOfSupportEffectiveOn) {

        static ModelView of(Model m) {
            return new ModelView(m.sku, m.name, m.family, m.category, m.voice, m.daasEligible, m.enrollable(),
                    m.endOfSaleAnnouncedOn, m.endOfSaleEffectiveOn, m.endOfSupportAnnouncedOn, m.endOfSupportEffectiveOn);
        }
    }

    private ModelViews() {
    }
}
