package com.poly.daas.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.ticket.domain.FailureCause;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.domain.TriageDecision;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ticket lifecycle is explicit: only the listed transitions exist (plain Java, no Quarkus). */
class TicketStatusTest {

    @Test
    void onlyTheListedTransitionsExist() {
        assertThat(TicketStatus.OPEN.next()).containsExactlyInAnyOrder(TicketStatus.TRIAGED, TicketStatus.WAITING_ON_PARTNER,
                TicketStatus.CLOSED);
        // S3: waiting on the partner pauses the milestones; the partner's answer reopens the ticket
        assertThat(TicketStatus.WAITING_ON_PARTNER.next()).containsExactlyInAnyOrder(TicketStatus.OPEN, TicketStatus.CLOSED);
        assertThat(TicketStatus.TRIAGED.next()).containsExactlyInAnyOrder(TicketStatus.RESOLVED, TicketStatus.CLOSED);
        assertThat(TicketStatus.RESOLVED.next()).containsExactly(TicketStatus.CLOSED);
        assertThat(TicketStatus.CLOSED.next()).isEmpty();
        assertThat(TicketStatus.OPEN.canMoveTo(TicketStatus.RESOLVED)).isFalse();
    }

    @Test
    void S3_hardwareFailureDefaultsItsCauseAndATriagedTicketCannotBeTriagedAgain() {
        Ticket ticket = new Ticket();
        ticket.id = UUID.randomUUID();
        ticket.status = TicketStatus.OPEN;
        ticket.triage(TriageDecision.HARDWARE_FAILURE, null, null, Instant.parse("2026-11-23T15:00:00Z"), "agent-1");
        assertThat(ticket.status).isEqualTo(TicketStatus.TRIAGED);
        assertThat(ticket.failureCause).isEqualTo(FailureCause.HARDWARE_FAILURE);
        assertThatThrownBy(() -> ticket.triage(TriageDecision.NO_FAULT, null, null, Instant.now(), "agent-1"))
                .isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).status()).isEqualTo(409))
                .satisfies(e -> assertThat(((ApiProblem) e).rule()).isEqualTo("S3"));
        ticket.resolve("RMA authorised", Instant.parse("2026-11-24T10:00:00Z"), "agent-1");
        ticket.close(null, Instant.parse("2026-11-25T10:00:00Z"), "erp-P-1");
        assertThat(ticket.status).isEqualTo(TicketStatus.CLOSED);
        assertThatThrownBy(() -> ticket.close(null, Instant.now(), "agent-1")).isInstanceOf(ApiProblem.class);
    }
}
