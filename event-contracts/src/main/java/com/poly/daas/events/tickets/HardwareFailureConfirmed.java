package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * First-level support found a hardware defect or failure on the ticket's device (S3): the ticket leads to an
 * advance-replacement RMA (A1). {@code cause} is an RMA cause (HARDWARE_FAILURE, LIQUID_SPILL or DROP_DAMAGE).
 *
 * <p>Schema version 2 adds, compatibly, the customer site the RMA is measured in ({@code siteCountry},
 * {@code siteSubdivision}, {@code timeZone}: A1 delivery, A3 return clock, P4 "today") and the contract when the
 * ticket knows it ({@code contractId}, may be null). A version 1 event lacks them (null); readers accept both.
 */
public record HardwareFailureConfirmed(String ticketId, String partnerId, String customerId, String serial,
                                       String cause, Instant confirmedAt, String siteCountry, String siteSubdivision,
                                       String timeZone, String contractId) implements DomainEvent {
    /** Schema version 1: no site, no contract. */
    public HardwareFailureConfirmed(String ticketId, String partnerId, String customerId, String serial, String cause,
                                    Instant confirmedAt) {
        this(ticketId, partnerId, customerId, serial, cause, confirmedAt, null, null, null, null);
    }

    /** Whether the event carries the customer's site (schema version 2). */
    public boolean hasSite() {
        return siteCountry != null && timeZone != null;
    }

    @Override
    public String aggregateId() {
        return ticketId;
    }
}
