package com.poly.daas.registry.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A spare part of the catalogue (portal: find spare parts). Catalogue data: the same for every partner. */
@Entity
@Table(name = "spare_part")
public class SparePart extends PanacheEntityBase {
    @Id
    @Column(name = "part_number")
    public String partNumber;
    public String name;
    @Column(name = "list_price")
    public BigDecimal listPrice;
    public String currency;
    @Column(name = "created_at")
    public Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "spare_part_model", joinColumns = @JoinColumn(name = "part_number"))
    @Column(name = "sku")
    public Set<String> compatibleSkus = new TreeSet<>();
}
