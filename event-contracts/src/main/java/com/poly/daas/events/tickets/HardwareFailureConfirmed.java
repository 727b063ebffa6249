package com.poly.daas.events.tickets;

import com.poly.daas.events.DomainEvent;
import java.time.Instant;

/**
 * First-level support found a hardware defect or failure on the ticket's device (S3): the ticket leads to an
 * advance-replacement RMA (A1). {@code cause} is an RMA cause (HARDWARE_FAILURE, LIQUID_SPILL or DROP_DAMAGE).
 */
public record HardwareFailureConfirmed(String ticketId, String partnerId, String customerId, String serial,
                                       String cause, Instant confirmedAt) implements DomainEvent {
    @Override
    public String aggregateId() {
        return ticketId;
    }
}
