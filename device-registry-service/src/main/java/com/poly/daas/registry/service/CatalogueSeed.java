package com.poly.daas.registry.service;

import com.poly.daas.registry.api.ModelViews.Announcement;
import com.poly.daas.registry.api.ModelViews.MoneyView;
import com.poly.daas.registry.api.ModelViews.NewModel;
import com.poly.daas.registry.api.ModelViews.NewPrice;
import com.poly.daas.registry.api.PortalViews.NewSparePart;
import com.poly.daas.registry.domain.Document;
import com.poly.daas.registry.domain.DocumentKind;
import com.poly.daas.registry.domain.Model;
import com.poly.daas.registry.domain.ModelCategory;
import com.poly.daas.registry.domain.PriceList;
import com.poly.daas.registry.domain.SparePart;
import com.poly.daas.registry.persistence.ModelRepository;
import com.poly.daas.registry.persistence.PriceRepository;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Realistic catalogue for development and the local run: ~25 current Poly models across categories (voice and
 * non-voice), one past end-of-sale, prices in USD, CAD, EUR and GBP, a few spare parts and documents. Enabled by
 * {@code daas.registry.seed=true} (on in %dev; the local run sets DAAS_REGISTRY_SEED=true). It goes through the same
 * use cases as the API, so every fact is published through the outbox (contract-service's replica learns the
 * models), and it is idempotent: each start adds only what is missing (guarded by an advisory lock for replicas).
 */
@ApplicationScoped
public class CatalogueSeed {
    private static final Logger LOG = Logger.getLogger(CatalogueSeed.class);
    static final LocalDate PRICES_FROM = LocalDate.of(2026, 1, 1);

    /** One seed model with its North-American list price in USD (the other lists derive from it). */
    record SeedModel(String sku, String name, String family, ModelCategory category, String usd) {
    }

    public static final List<SeedModel> MODELS = List.of(
            new SeedModel("CCX-400", "Poly CCX 400 Business Media Phone", "CCX", ModelCategory.DESK_PHONE, "229.00"),
            new SeedModel("CCX-500", "Poly CCX 500 Business Media Phone", "CCX", ModelCategory.DESK_PHONE, "349.00"),
            new SeedModel("CCX-600", "Poly CCX 600 Business Media Phone", "CCX", ModelCategory.DESK_PHONE, "449.00"),
            new SeedModel("VVX-150", "Poly VVX 150 Business IP Phone", "VVX", ModelCategory.DESK_PHONE, "99.00"),
            new SeedModel("VVX-250", "Poly VVX 250 Business IP Phone", "VVX", ModelCategory.DESK_PHONE, "149.00"),
            new SeedModel("VVX-350", "Poly VVX 350 Business IP Phone", "VVX", ModelCategory.DESK_PHONE, "189.00"),
            new SeedModel("VVX-450", "Poly VVX 450 Business IP Phone", "VVX", ModelCategory.DESK_PHONE, "249.00"),
            new SeedModel("TRIO-8300", "Poly Trio 8300 Conference Phone", "Trio", ModelCategory.CONFERENCE_PHONE, "549.00"),
            new SeedModel("TRIO-8800", "Poly Trio 8800 Conference Phone", "Trio", ModelCategory.CONFERENCE_PHONE, "1099.00"),
            new SeedModel("TRIO-C60", "Poly Trio C60 Conference Phone", "Trio", ModelCategory.CONFERENCE_PHONE, "1299.00"),
            new SeedModel("SYNC-20", "Poly Sync 20 USB/Bluetooth Speakerphone", "Sync", ModelCategory.CONFERENCE_PHONE, "129.00"),
            new SeedModel("SYNC-40", "Poly Sync 40 Smart Speakerphone", "Sync", ModelCategory.CONFERENCE_PHONE, "279.00"),
            new SeedModel("SYNC-60", "Poly Sync 60 Smart Speakerphone", "Sync", ModelCategory.CONFERENCE_PHONE, "449.00"),
            new SeedModel("VOYAGER-FOCUS-2", "Poly Voyager Focus 2 UC Headset", "Voyager", ModelCategory.HEADSET, "329.00"),
            new SeedModel("VOYAGER-4320", "Poly Voyager 4320 UC Headset", "Voyager", ModelCategory.HEADSET, "199.00"),
            new SeedModel("SAVI-7320", "Poly Savi 7320 Office DECT Headset", "Savi", ModelCategory.HEADSET, "379.00"),
            new SeedModel("BLACKWIRE-3320", "Poly Blackwire 3320 USB Headset", "Blackwire", ModelCategory.HEADSET, "59.00"),
            new SeedModel("BLACKWIRE-8225", "Poly Blackwire 8225 USB Headset", "Blackwire", ModelCategory.HEADSET, "189.00"),
            new SeedModel("STUDIO-X30", "Poly Studio X30 Video Bar", "Studio", ModelCategory.VIDEO, "1999.00"),
            new SeedModel("STUDIO-X50", "Poly Studio X50 Video Bar", "Studio", ModelCategory.VIDEO, "3499.00"),
            new SeedModel("STUDIO-X70", "Poly Studio X70 Video Bar", "Studio", ModelCategory.VIDEO, "6999.00"),
            new SeedModel("STUDIO-P15", "Poly Studio P15 Personal Video Bar", "Studio", ModelCategory.VIDEO, "399.00"),
            new SeedModel("EAGLEEYE-CUBE", "Poly EagleEye Cube USB Camera", "EagleEye", ModelCategory.VIDEO, "999.00"),
            new SeedModel("TC8", "Poly TC8 Touch Controller", "Studio", ModelCategory.ACCESSORY, "799.00"),
            new SeedModel("CCX-EXP", "Poly VVX/CCX Expansion Module", "CCX", ModelCategory.ACCESSORY, "199.00"));

    /** P6: already past end-of-sale in the seed catalogue. */
    public static final String END_OF_SALE_SKU = "VVX-150";

    static final List<NewSparePart> PARTS = List.of(
            new NewSparePart("2200-49700-001", "CCX handset with cord", new MoneyView(new BigDecimal("39.00"), "USD"),
                    List.of("CCX-400", "CCX-500", "CCX-600")),
            new NewSparePart("2200-48350-001", "VVX handset with cord", new MoneyView(new BigDecimal("29.00"), "USD"),
                    List.of("VVX-150", "VVX-250", "VVX-350", "VVX-450")),
            new NewSparePart("2200-46170-025", "Power supply 48 V, universal", new MoneyView(new BigDecimal("25.00"), "USD"),
                    List.of("CCX-400", "CCX-500", "CCX-600", "VVX-250", "VVX-350", "VVX-450", "TRIO-8300")),
            new NewSparePart("2200-66070-001", "Trio expansion microphones (pair)", new MoneyView(new BigDecimal("299.00"), "USD"),
                    List.of("TRIO-8800", "TRIO-C60")),
            new NewSparePart("2200-87150-001", "Voyager charge stand", new MoneyView(new BigDecimal("49.00"), "USD"),
                    List.of("VOYAGER-FOCUS-2", "VOYAGER-4320")),
            new NewSparePart("2200-69700-001", "Studio X wall mount kit", new MoneyView(new BigDecimal("89.00"), "USD"),
                    List.of("STUDIO-X30", "STUDIO-X50", "STUDIO-X70")));

    /** A small text document per a few models, so that the portal's downloads work in the local run. */
    record SeedDocument(String sku, String kind, String title, String version, String releasedOn, String fileName, String text) {
    }

    static final List<SeedDocument> DOCUMENTS = List.of(
            new SeedDocument("CCX-500", "RELEASE_NOTES", "Poly UC Software for CCX, release notes", "8.1.3", "2026-03-16",
                    "ccx-uc-8.1.3-release-notes.txt", "Poly UC Software 8.1.3 for CCX business media phones.\nFixes and improvements.\n"),
            new SeedDocument("TRIO-C60", "DATASHEET", "Poly Trio C60 datasheet", "2026.1", "2026-01-20",
                    "trio-c60-datasheet.txt", "Poly Trio C60: conference phone with 360-degree pickup, Bluetooth and USB.\n"),
            new SeedDocument("STUDIO-X50", "ADMIN_GUIDE", "Poly Studio X series administrator guide", "4.2", "2026-02-02",
                    "studio-x-admin-guide-4.2.txt", "Poly Studio X30/X50/X70 administration: provisioning, networking, security.\n"));

    @ConfigProperty(name = "daas.registry.seed", defaultValue = "false")
    boolean enabled;
    @Inject
    Catalogue catalogue;
    @Inject
    PortalCatalogue portal;
    @Inject
    ModelRepository models;
    @Inject
    PriceRepository prices;
    @Inject
    EntityManager em;

    public void onStart(@Observes StartupEvent event) {
        if (enabled) {
            int added = seed();
            LOG.infof("Catalogue seed: %d facts added (0 when already seeded)", added);
        }
    }

    /** Adds whatever of the seed catalogue is missing; returns how many facts were added. */
    @ActivateRequestContext
    @Transactional
    public int seed() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('device-registry-service.catalogue-seed'))").getSingleResult();
        int added = 0;
        for (SeedModel m : MODELS) {
            if (models.bySku(m.sku()).isEmpty()) {
                catalogue.add(new NewModel(m.sku(), m.name(), m.family(), m.category(), true));
                added++;
            }
            for (PriceList list : PriceList.values()) {
                if (prices.latest(m.sku(), list.id()).isEmpty()) {
                    catalogue.publishPrice(m.sku(), new NewPrice(list.id(),
                            new MoneyView(convert(new BigDecimal(m.usd()), list), list.currency()), PRICES_FROM));
                    added++;
                }
            }
        }
        Model withdrawn = models.bySku(END_OF_SALE_SKU).orElseThrow();
        if (withdrawn.endOfSaleAnnouncedOn == null) {
            catalogue.announceEndOfSale(END_OF_SALE_SKU, new Announcement(LocalDate.of(2025, 3, 3), LocalDate.of(2025, 9, 1)),
                    "\"" + withdrawn.version + "\"");
            added++;
        }
        for (NewSparePart part : PARTS) {
            if (SparePart.findByIdOptional(part.partNumber()).isEmpty()) {
                portal.addSparePart(part);
                added++;
            }
        }
        for (SeedDocument d : DOCUMENTS) {
            if (Document.count("sku = ?1 and kind = ?2 and version = ?3", d.sku(), DocumentKind.valueOf(d.kind()), d.version()) == 0) {
                portal.upload(new PortalCatalogue.DocumentUpload(d.sku(), d.kind(), d.title(), d.version(), d.releasedOn(), d.fileName()),
                        new java.io.ByteArrayInputStream(d.text().getBytes(java.nio.charset.StandardCharsets.UTF_8)), "text/plain");
                added++;
            }
        }
        return added;
    }

    /** Indicative conversion of the USD list price into each list, rounded to whole units minus one cent. */
    static BigDecimal convert(BigDecimal usd, PriceList list) {
        BigDecimal rate = switch (list) {
            case NA_USD -> BigDecimal.ONE;
            case NA_CAD -> new BigDecimal("1.37");
            case EMEA_EUR -> new BigDecimal("0.93");
            case EMEA_GBP -> new BigDecimal("0.80");
        };
        return usd.multiply(rate).setScale(0, RoundingMode.HALF_UP).subtract(new BigDecimal("0.01")).max(BigDecimal.ZERO)
                .setScale(2, RoundingMode.UNNECESSARY);
    }

    static Set<String> skus() {
        return Set.copyOf(MODELS.stream().map(SeedModel::sku).toList());
    }
}
