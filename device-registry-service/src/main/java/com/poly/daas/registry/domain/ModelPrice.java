package com.poly.daas.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One published list price (A4, B2). Immutable and append-only (a database trigger refuses updates and deletes): a
 * new price closes the previous one's validity by starting later; history is never rewritten.
 */
@Entity
@Immutable
@Table(name = "model_price")
public class ModelPrice extends PanacheEntityBase {
    @Id
    public UUID id;
    public String sku;
    @Column(name = "price_list")
    public String priceList;
    public String region;
    public String currency;
    public BigDecimal amount;
    @Column(name = "valid_from")
    public LocalDate validFrom;
    @Column(name = "created_at")
    public Instant createdAt;
}
