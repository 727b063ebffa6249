package com.poly.daas.registry.api;

import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.domain.ModelCategory;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.poly.daas.registry.domain.ModelPrice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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

    @Schema(name = "ModelUpdate", description = "The admin-editable facts of a model (the category, hence voice (E3), is fixed)")
    public record ModelUpdate(
            @NotBlank @Size(max = 200) @Schema(example = "Poly CCX 500 Business Media Phone") String name,
            @NotBlank @Size(max = 100) @Schema(example = "CCX") String family,
            @NotNull @Schema(example = "true", description = "Whether the model can be sold as a Device-as-a-Service") Boolean daasEligible) {
    }

    @Schema(name = "Money", description = "An amount (decimal string, never a float) with its ISO-4217 currency")
    public record MoneyView(
            @NotNull @DecimalMin(value = "0.00", message = "must not be negative") @Digits(integer = 10, fraction = 2)
            @JsonFormat(shape = JsonFormat.Shape.STRING)
            @Schema(type = SchemaType.STRING, example = "249.00") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as USD")
            @Schema(example = "USD") String currency) {
    }

    @Schema(name = "NewPrice", description = "A list price to publish in one price list from a date on (A4, B2)")
    public record NewPrice(
            @NotBlank @Schema(example = "NA-USD", description = "One of NA-USD, NA-CAD, EMEA-EUR, EMEA-GBP (see GET /price-lists)")
            String priceList,
            @Valid @NotNull @Schema(description = "Its currency must be the price list's currency (region)") MoneyView price,
            @NotNull @Schema(example = "2027-01-01", description = "First day in force; must be after the list's latest price (history is never rewritten)")
            LocalDate validFrom) {
    }

    @Schema(name = "Price", description = "A published list price and its validity (validUntil is the day before the next price starts)")
    public record PriceView(
            @Schema(example = "CCX-500") String sku,
            @Schema(example = "NA-USD") String priceList,
            @Schema(example = "NORTH_AMERICA") String region,
            MoneyView price,
            @Schema(example = "2027-01-01") LocalDate validFrom,
            @Schema(example = "2027-06-30", description = "Last day in force; absent while it is the latest price") LocalDate validUntil) {

        static PriceView of(ModelPrice p, LocalDate nextValidFrom) {
            return new PriceView(p.sku, p.priceList, p.region, new MoneyView(p.amount, p.currency), p.validFrom,
                    nextValidFrom == null ? null : nextValidFrom.minusDays(1));
        }
    }

    @Schema(name = "PriceHistory", description = "Every price ever published for a model, oldest first per price list")
    public record PriceHistory(java.util.List<PriceView> items) {
    }

    @Schema(name = "PriceListInfo", description = "A price list: region (P2) and currency")
    public record PriceListView(
            @Schema(example = "NA-USD") String id,
            @Schema(example = "NORTH_AMERICA") String region,
            @Schema(example = "USD") String currency) {
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
