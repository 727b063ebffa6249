package com.poly.daas.rma.domain;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An advance replacement (A1) of a covered device, its shipment and the return of the defective unit (A2, A3). */
@Entity
@Table(name = "rma")
public class Rma extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "contract_id")
    public String contractId;
    public String serial;
    public String sku;
    @Enumerated(EnumType.STRING)
    public RmaCause cause;
    @Column(name = "ticket_id")
    public String ticketId;
    @Column(name = "ship_to_country")
    public String shipToCountry;
    @Column(name = "ship_to_subdivision")
    public String shipToSubdivision;
    @Column(name = "ship_to_zone")
    public String shipToZone;
    @Column(name = "service_centre")
    public String serviceCentre;
    @Enumerated(EnumType.STRING)
    public RmaStatus status;
    @Column(name = "authorised_at")
    public Instant authorisedAt;
    @Column(name = "authorised_by")
    public String authorisedBy;
    /** A1: same business day before the cut-off at the ship-from centre, else the next business day. */
    @Column(name = "ship_date")
    public LocalDate shipDate;
    /** A1: the business day after shipping, in the customer's calendar (re-based when it actually ships). */
    @Column(name = "expected_delivery_on")
    public LocalDate expectedDeliveryOn;
    @Column(name = "replacement_serial")
    public String replacementSerial;
    @Column(name = "shipped_at")
    public Instant shippedAt;
    /** A3: expected delivery + 10 business days of the customer's country (provisional until delivery is confirmed). */
    @Column(name = "return_due_on")
    public LocalDate returnDueOn;
    /** A2: from this day the defective unit is Poly's property. */
    @Column(name = "received_on")
    public LocalDate receivedOn;
    /** A3/A4: received after the due date (a penalty may follow, A4, later). */
    @Column(name = "received_late")
    public Boolean receivedLate;
    @Column(name = "received_at")
    public Instant receivedAt;
    public String carrier;
    @Column(name = "tracking_number")
    public String trackingNumber;
    /** A3: the day the customer received the replacement (the return clock's re-based start). */
    @Column(name = "delivered_on")
    public LocalDate deliveredOn;
    @Column(name = "delivery_confirmed_at")
    public Instant deliveryConfirmedAt;
    /** A4: the first day the unit was overdue (the day after the due date, customer's zone); B2 prices on it. */
    @Column(name = "overdue_on")
    public LocalDate overdueOn;
    @Column(name = "overdue_detected_at")
    public Instant overdueDetectedAt;
    /** TICKET (from a ticket's confirmed hardware failure, S3) or AGENT (a Poly agent, with a reason). */
    public String origin;
    @Column(name = "agent_reason")
    public String agentReason;
    /** A3: the local service centre's address printed on the prepaid return packaging. */
    @Column(name = "return_address")
    public String returnAddress;
    @Version
    public long version;

    /** A1: the replacement leaves the centre with its carrier and tracking number. */
    public void ship(String replacement, String carrier, String trackingNumber, Instant at, LocalDate expectedDelivery,
                     LocalDate returnDue) {
        require("A1", RmaStatus.AUTHORISED);
        if (replacement.equals(serial)) {
            throw ApiProblem.invalidField("replacementSerial", "must differ from the defective unit's serial " + serial);
        }
        replacementSerial = replacement;
        this.carrier = carrier;
        this.trackingNumber = trackingNumber;
        shippedAt = at;
        expectedDeliveryOn = expectedDelivery;
        returnDueOn = returnDue;
        status = RmaStatus.SHIPPED;
    }

    /** A3 decision: the customer received the replacement; the return due date is re-based on that day. */
    public void confirmDelivery(LocalDate on, LocalDate returnDue, Instant at) {
        require("A3", RmaStatus.SHIPPED);
        deliveredOn = on;
        deliveryConfirmedAt = at;
        returnDueOn = returnDue;
        status = RmaStatus.DELIVERED;
    }

    /** A2/A3: the defective unit reached the service centre; after an overdue report it is a late return (A4). */
    public void receiveDefectiveUnit(LocalDate on, Instant at) {
        require("A3", RmaStatus.SHIPPED, RmaStatus.DELIVERED, RmaStatus.OVERDUE);
        receivedOn = on;
        receivedAt = at;
        receivedLate = on.isAfter(returnDueOn);
        status = RmaStatus.RECEIVED;
    }

    /** Whether the unit was reported overdue before it arrived (A4: LateReturnReceived). */
    public boolean reportedOverdue() {
        return overdueOn != null;
    }

    private void require(String rule, RmaStatus... expected) {
        if (!java.util.Arrays.asList(expected).contains(status)) {
            throw ApiProblem.conflict("invalid-transition", "RMA is " + status,
                    "RMA " + id + " is " + status + "; this step needs it " + java.util.Arrays.toString(expected) + ".", rule);
        }
    }
}
