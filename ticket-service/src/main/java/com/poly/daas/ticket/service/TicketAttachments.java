package com.poly.daas.ticket.service;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.blob.BlobPolicy;
import com.poly.daas.platform.blob.BlobStore;
import com.poly.daas.platform.blob.StoredBlob;
import com.poly.daas.platform.security.AuditTrail;
import com.poly.daas.platform.security.Caller;
import com.poly.daas.ticket.config.TicketPolicy;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketAttachment;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.domain.TicketStep;
import com.poly.daas.ticket.persistence.TicketRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Files the partner or an agent attaches to a ticket (logs, photos of the device), kept in the platform blob store.
 * The store checks size, type and content and computes the SHA-256 while streaming; a refused file stores nothing
 * (no blob, no row), and the attachment row commits with the blob's.
 */
@ApplicationScoped
public class TicketAttachments {
    /** Logs as text, photos as PNG/JPEG, reports as PDF, archives of logs as ZIP/gzip. */
    static final String[] TYPES = {"text/plain", "image/png", "image/jpeg", "application/pdf", "application/zip", "application/gzip"};
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}");

    @Inject
    TicketRepository tickets;
    @Inject
    BlobStore blobs;
    @Inject
    TicketPolicy policy;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    AuditTrail audit;

    public BlobPolicy blobPolicy() {
        return BlobPolicy.of("body", policy.attachments().maxBytes(), TYPES);
    }

    @Transactional
    public TicketAttachment attach(UUID ticketId, String fileName, InputStream body, String mediaType) {
        Ticket ticket = tickets.findByIdOptional(ticketId).orElseThrow(() -> ApiProblem.notFound("ticket", ticketId.toString()));
        if (ticket.status == TicketStatus.CLOSED) {
            throw ApiProblem.conflict("ticket-closed", "Ticket closed", "Ticket " + ticketId + " is CLOSED.", null);
        }
        if (fileName == null || !FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
            throw ApiProblem.invalidField("fileName", "must be a plain file name of 1-200 letters, digits, '.', '_', '-' or "
                    + "spaces (no path)");
        }
        if (body == null) {
            throw ApiProblem.invalidField("body", "the file is required");
        }
        StoredBlob stored = blobs.store(body, mediaType, blobPolicy());
        // a retried upload (same file, same name, same ticket) is the same attachment: keep one, store nothing twice
        var same = em.createQuery("from TicketAttachment where ticketId = :t and sha256 = :h and fileName = :n",
                        TicketAttachment.class).setParameter("t", ticket.id).setParameter("h", stored.sha256())
                .setParameter("n", fileName).getResultStream().findFirst();
        if (same.isPresent()) {
            blobs.delete(stored.id());
            return same.get();
        }
        TicketAttachment a = new TicketAttachment();
        a.id = UUID.randomUUID();
        a.ticketId = ticket.id;
        a.partnerId = ticket.partnerId;
        a.blobId = stored.id();
        a.fileName = fileName;
        a.mediaType = stored.mediaType();
        a.sizeBytes = stored.size();
        a.sha256 = stored.sha256();
        a.uploadedBy = caller.id();
        a.uploadedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        em.persist(a);
        TicketStep step = TicketStep.of(ticket.id, a.uploadedAt, "ATTACHED", fileName + " (" + a.mediaType + ", " + a.sizeBytes
                + " bytes, sha256 " + a.sha256 + ")", caller.id());
        em.persist(step);
        ticket.steps.add(step);
        em.lock(ticket, LockModeType.OPTIMISTIC_FORCE_INCREMENT); // the timeline changed
        audit.recordStaffChange("ticket.attached", "Ticket", ticket.id.toString(), null, fileName);
        return a;
    }
}
