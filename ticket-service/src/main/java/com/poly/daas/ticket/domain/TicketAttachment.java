package com.poly.daas.ticket.domain;

import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A file attached to a ticket (a log, a photo of the device); its bytes are in the platform blob store. */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Column(name = "blob_id")
    public String blobId;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "media_type")
    public String mediaType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    /** Computed by the blob store while streaming the file, never taken from the client. */
    public String sha256;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public Instant uploadedAt;
}
