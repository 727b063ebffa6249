package com.poly.daas.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A document or software release of a model; its bytes are in the platform blob store under {@link #blobId}. */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {
    @Id
    public UUID id;
    public String sku;
    @Enumerated(EnumType.STRING)
    public DocumentKind kind;
    public String title;
    public String version;
    @Column(name = "released_on")
    public LocalDate releasedOn;
    @Column(name = "file_name")
    public String fileName;
    @Column(name = "content_type")
    public String contentType;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public String sha256;
    /** Key of the file in the platform {@code BlobStore}. */
    @Column(name = "blob_id")
    public String blobId;
    @Column(name = "created_at")
    public Instant createdAt;
}
