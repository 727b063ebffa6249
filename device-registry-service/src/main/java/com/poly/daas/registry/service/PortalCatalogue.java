package com.poly.daas.registry.service;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.blob.BlobPolicy;
import com.poly.daas.platform.blob.BlobStore;
import com.poly.daas.platform.blob.StoredBlob;
import com.poly.daas.platform.parties.TrustBoundary;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.registry.api.PortalViews.NewLicence;
import com.poly.daas.registry.api.PortalViews.NewSparePart;
import com.poly.daas.registry.domain.Device;
import com.poly.daas.registry.domain.Document;
import com.poly.daas.registry.domain.DocumentKind;
import com.poly.daas.registry.domain.Licence;
import com.poly.daas.registry.domain.SparePart;
import com.poly.daas.registry.persistence.ModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** Use cases of the portal's look-up catalogues: spare parts, documents and software, licences. */
@ApplicationScoped
public class PortalCatalogue {
    /** A download name: no directory parts, no leading dot (guards Content-Disposition and any file-system use). */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,119}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    /**
     * Documents and software: the file formats the portal offers (datasheets and guides as PDF, release notes as text,
     * software as archives or vendor binaries), at most the HTTP body limit. Types with a signature (PDF, ZIP, gzip,
     * PNG, JPEG, text) are checked against the bytes; {@code application/octet-stream} is taken as declared.
     */
    public static final BlobPolicy DOCUMENTS = BlobPolicy.of("body", 8 * BlobPolicy.MIB, "application/pdf", "application/zip",
            "application/gzip", "application/octet-stream", "text/plain", "image/png", "image/jpeg");

    @Inject
    ModelRepository models;
    @Inject
    BlobStore blobs;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    TrustBoundary trust;

    @Transactional
    public SparePart addSparePart(NewSparePart request) {
        if (SparePart.findByIdOptional(request.partNumber()).isPresent()) {
            throw ApiProblem.conflict("duplicate-part", "Spare part already catalogued",
                    "Part " + request.partNumber() + " already exists.", null).field("partNumber", "already exists");
        }
        List<String> skus = request.compatibleSkus();
        for (int i = 0; i < skus.size(); i++) {
            if (models.bySku(skus.get(i)).isEmpty()) {
                throw ApiProblem.invalidField("compatibleSkus[" + i + "]", "unknown model " + skus.get(i));
            }
        }
        SparePart part = new SparePart();
        part.partNumber = request.partNumber();
        part.name = request.name();
        part.listPrice = request.listPrice().amount().setScale(2, RoundingMode.UNNECESSARY);
        part.currency = request.listPrice().currency();
        part.compatibleSkus = new TreeSet<>(skus);
        part.createdAt = clock.instant();
        part.persist();
        audit.recordStaffChange("spare-part.added", "SparePart", part.partNumber, null, request);
        return part;
    }

    /** Document metadata as given on upload (query parameters), validated before a byte is stored. */
    public record DocumentUpload(String sku, String kind, String title, String version, String releasedOn, String fileName) {
    }

    /**
     * Validates the metadata, then streams the file into the platform blob store (size, SHA-256 and content checked
     * there before anything is written, never trusted from the client) and catalogues it, all in one transaction:
     * bad metadata or a refused file stores nothing, and a transaction that rolls back leaves no file behind.
     */
    @Transactional
    public Document upload(DocumentUpload meta, InputStream body, String mediaType) {
        if (meta.sku() == null || models.bySku(meta.sku()).isEmpty()) {
            throw ApiProblem.invalidField("sku", "unknown model " + meta.sku());
        }
        DocumentKind kind;
        try {
            kind = DocumentKind.valueOf(String.valueOf(meta.kind()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField("kind", "must be one of " + java.util.Arrays.toString(DocumentKind.values()));
        }
        if (meta.title() == null || meta.title().isBlank() || meta.title().length() > 200) {
            throw ApiProblem.invalidField("title", "must be 1-200 characters");
        }
        if (meta.version() == null || !VERSION.matcher(meta.version()).matches()) {
            throw ApiProblem.invalidField("version", "must be 1-40 letters, digits, '.', '_' or '-'");
        }
        LocalDate releasedOn;
        try {
            releasedOn = LocalDate.parse(String.valueOf(meta.releasedOn()));
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiProblem.invalidField("releasedOn", "must be a date YYYY-MM-DD");
        }
        if (releasedOn.isAfter(LocalDate.now(clock))) {
            throw ApiProblem.invalidField("releasedOn", "must not be in the future");
        }
        if (meta.fileName() == null || !FILE_NAME.matcher(meta.fileName()).matches() || meta.fileName().contains("..")) {
            throw ApiProblem.invalidField("fileName", "must be a plain file name (letters, digits, '.', '_', '-'; no path)");
        }
        if (body == null) {
            throw ApiProblem.invalidField("body", "the file is required");
        }
        StoredBlob stored = blobs.store(body, mediaType, DOCUMENTS);
        Document document = new Document();
        document.id = UUID.randomUUID();
        document.sku = meta.sku();
        document.kind = kind;
        document.title = meta.title();
        document.version = meta.version();
        document.releasedOn = releasedOn;
        document.fileName = meta.fileName();
        document.contentType = stored.mediaType();
        document.sizeBytes = stored.size();
        document.sha256 = stored.sha256();
        document.blobId = stored.id();
        document.createdAt = clock.instant();
        document.persist();
        audit.recordStaffChange("document.uploaded", "Document", document.id.toString(), null, meta);
        return document;
    }

    /** Issues a licence to one of a partner's customers, attached to exactly one device or software entitlement. */
    @Transactional
    public Licence issueLicence(NewLicence request) {
        // issue 9: staff issuing a licence are held to the partner-customer pairing (an entitlement licence has no
        // device to check it against)
        trust.actingFor(request.partnerId());
        trust.customerOf(request.partnerId(), request.customerId(), "customerId");
        boolean device = request.deviceSerial() != null && !request.deviceSerial().isBlank();
        boolean entitlement = request.entitlementId() != null && !request.entitlementId().isBlank();
        if (device == entitlement) {
            throw ApiProblem.invalidField("deviceSerial", "give exactly one of deviceSerial and entitlementId");
        }
        if (request.validUntil() != null && request.validUntil().isBefore(request.validFrom())) {
            throw ApiProblem.invalidField("validUntil", "must not be before validFrom (" + request.validFrom() + ")");
        }
        if (device) {
            List<Device> owned = Device.list("serial = ?1 and partnerId = ?2", request.deviceSerial(), request.partnerId());
            if (owned.isEmpty()) {
                throw ApiProblem.invalidField("deviceSerial", "no registered device " + request.deviceSerial() + " of partner " + request.partnerId());
            }
            if (owned.stream().noneMatch(d -> d.customerId.equals(request.customerId()))) {
                throw ApiProblem.invalidField("customerId", "device " + request.deviceSerial() + " is not placed at customer " + request.customerId());
            }
        }
        if (Licence.count("licenceKey", request.licenceKey()) > 0) {
            throw ApiProblem.conflict("duplicate-licence", "Licence key already issued",
                    "Licence key " + request.licenceKey() + " exists already.", null).field("licenceKey", "already issued");
        }
        Licence licence = new Licence();
        licence.id = UUID.randomUUID();
        licence.partnerId = request.partnerId();
        licence.licenceKey = request.licenceKey();
        licence.product = request.product();
        licence.customerId = request.customerId();
        licence.deviceSerial = device ? request.deviceSerial() : null;
        licence.entitlementId = entitlement ? request.entitlementId() : null;
        licence.seats = request.seats();
        licence.validFrom = request.validFrom();
        licence.validUntil = request.validUntil();
        licence.createdAt = clock.instant();
        licence.persist();
        audit.recordStaffChange("licence.issued", "Licence", licence.licenceKey, null, request);
        return licence;
    }
}
