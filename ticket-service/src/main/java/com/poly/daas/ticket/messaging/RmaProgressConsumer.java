package com.poly.daas.ticket.messaging;

import com.poly.daas.events.EventEnvelope;
import com.poly.daas.events.EventJson;
import com.poly.daas.events.rmas.DefectiveUnitReceived;
import com.poly.daas.events.rmas.LateReturnReceived;
import com.poly.daas.events.rmas.ReplacementDelivered;
import com.poly.daas.events.rmas.ReplacementShipped;
import com.poly.daas.events.rmas.ReturnOverdue;
import com.poly.daas.events.rmas.RmaAuthorised;
import com.poly.daas.events.rmas.RmaRefused;
import com.poly.daas.platform.inbox.InboundEvents;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStep;
import com.poly.daas.ticket.persistence.TicketRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * S3: the ticket follows the advance replacement its triage led to. Each RMA event becomes a step of the ticket's
 * timeline and moves its RMA status, once per event (inbox). Events of RMAs opened without a ticket are ignored.
 */
@ApplicationScoped
public class RmaProgressConsumer {
    static final String CONSUMER = "ticket-service.rma-progress";

    @Inject
    InboundEvents inbound;
    @Inject
    TicketRepository tickets;
    @Inject
    EntityManager em;

    @Incoming("rmas")
    @Blocking(ordered = true)
    public void onRmaEvents(ConsumerRecords<String, String> records) {
        inbound.processBatch(CONSUMER, records, this::apply);
    }

    void apply(EventEnvelope event) {
        switch (event.type()) {
            case "RmaAuthorised" -> {
                var e = EventJson.payload(event, RmaAuthorised.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> {
                    t.rmaId = e.rmaId();
                    step(t, event, "AUTHORISED", "RMA_AUTHORISED", null, "advance replacement " + e.rmaId() + " authorised ("
                            + e.cause() + "), ships " + e.shipDate());
                });
            }
            case "RmaRefused" -> {
                var e = EventJson.payload(event, RmaRefused.class);
                ticket(e.ticketId(), null, e.partnerId()).ifPresent(t -> step(t, event, "REFUSED", "RMA_REFUSED",
                        e.openRmaId(), e.rule(), "refused (" + e.rule() + "): " + e.reason()));
            }
            case "ReplacementShipped" -> {
                var e = EventJson.payload(event, ReplacementShipped.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> step(t, event, "SHIPPED", "REPLACEMENT_SHIPPED",
                        e.rmaId(), "replacement " + e.replacementSerial() + " shipped"
                                + (e.carrier() == null ? "" : " with " + e.carrier() + ", tracking " + e.trackingNumber())
                                + ", expected " + e.expectedDeliveryOn() + ", defective unit due back " + e.returnDueOn()));
            }
            case "ReplacementDelivered" -> {
                var e = EventJson.payload(event, ReplacementDelivered.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> step(t, event, "DELIVERED", "REPLACEMENT_DELIVERED",
                        e.rmaId(), "replacement delivered on " + e.deliveredOn() + ", defective unit due back " + e.returnDueOn()));
            }
            case "ReturnOverdue" -> {
                var e = EventJson.payload(event, ReturnOverdue.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> step(t, event, "OVERDUE", "RETURN_OVERDUE",
                        e.rmaId(), "defective unit not returned by " + e.returnDueOn() + ": billed at the " + e.priceList()
                                + " list price (A4)"));
            }
            case "DefectiveUnitReceived" -> {
                var e = EventJson.payload(event, DefectiveUnitReceived.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> step(t, event, "RECEIVED", "DEFECTIVE_UNIT_RECEIVED",
                        e.rmaId(), "defective unit returned on " + e.receivedOn() + (Boolean.TRUE.equals(e.late()) ? " (late)" : "")));
            }
            case "LateReturnReceived" -> {
                var e = EventJson.payload(event, LateReturnReceived.class);
                ticket(e.ticketId(), e.rmaId(), e.partnerId()).ifPresent(t -> step(t, event, "RECEIVED", "LATE_RETURN_RECEIVED",
                        e.rmaId(), "returned on " + e.receivedOn() + " after the overdue report of " + e.overdueOn()));
            }
            default -> {
                // other RMA events do not concern tickets
            }
        }
    }

    /** The ticket an RMA event concerns: by its ticket id, else by the RMA already linked; empty for ticketless RMAs. */
    private Optional<Ticket> ticket(String ticketId, String rmaId, String partnerId) {
        Optional<Ticket> ticket;
        if (ticketId != null && !ticketId.isBlank()) {
            UUID id;
            try {
                id = UUID.fromString(ticketId);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("RMA event with a ticket id that is not a ticket's: " + ticketId);
            }
            ticket = tickets.findByIdOptional(id);
            if (ticket.isEmpty()) {
                throw new IllegalArgumentException("RMA event for unknown ticket " + ticketId);
            }
        } else if (rmaId != null) {
            ticket = tickets.find("rmaId", rmaId).firstResultOptional();
        } else {
            ticket = Optional.empty();
        }
        ticket.ifPresent(t -> {
            if (partnerId != null && !partnerId.equals(t.partnerId)) {
                throw new IllegalArgumentException("RMA event of partner " + partnerId + " for ticket " + t.id + " of " + t.partnerId);
            }
        });
        return ticket;
    }

    private void step(Ticket ticket, EventEnvelope event, String rmaStatus, String step, String rmaId, String detail) {
        step(ticket, event, rmaStatus, step, rmaId, null, detail);
    }

    private void step(Ticket ticket, EventEnvelope event, String rmaStatus, String step, String rmaId, String rule,
                      String detail) {
        ticket.rmaStatus = rmaStatus;
        TicketStep s = new TicketStep();
        s.id = UUID.randomUUID();
        s.ticketId = ticket.id;
        s.at = event.occurredAt();
        s.step = step;
        s.detail = detail;
        s.rmaId = rmaId != null ? rmaId : ticket.rmaId;
        s.rule = rule;
        s.actor = event.producer() == null ? "rma-service" : event.producer();
        em.persist(s);
        ticket.steps.add(s);
    }
}
