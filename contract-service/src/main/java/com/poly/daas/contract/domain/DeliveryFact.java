package com.poly.daas.contract.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * P3: a delivery date the registry reported for a serial, kept even when the serial is not enrolled yet (a later
 * enrolment picks it up). Internal: never served to callers.
 */
@Entity
@Table(name = "delivery_fact")
public class DeliveryFact extends PanacheEntityBase {
    @Id
    public String serial;
    public String sku;
    @Column(name = "partner_id")
    public String partnerId;
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
