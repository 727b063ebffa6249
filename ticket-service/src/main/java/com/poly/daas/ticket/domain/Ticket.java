package com.poly.daas.ticket.domain;

import com.poly.daas.platform.api.ApiProblem;
import com.poly.daas.platform.security.PartnerOwnedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A first-level support ticket, opened by a partner or a Poly agent for one of the partner's customers (S2). It
 * keeps the country, subdivision and time zone its clocks are measured in (S1) and the S3 due instants computed
 * when it was opened, so a later policy change never moves the targets of open tickets.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PartnerOwnedEntity {
    @Id
    public UUID id;
    @Column(name = "customer_id")
    public String customerId;
    public String serial;
    @Column(name = "site_country")
    public String siteCountry;
    @Column(name = "site_subdivision")
    public String siteSubdivision;
    @Column(name = "time_zone")
    public String timeZone;
    public String subject;
    public String description;
    @Enumerated(EnumType.STRING)
    public TicketStatus status;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "opened_by")
    public String openedBy;
    @Column(name = "first_response_due_at")
    public Instant firstResponseDueAt;
    @Column(name = "triage_due_at")
    public Instant triageDueAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "triage_decision")
    public TriageDecision triageDecision;
    @Enumerated(EnumType.STRING)
    @Column(name = "failure_cause")
    public FailureCause failureCause;
    @Column(name = "triage_note")
    public String triageNote;
    @Column(name = "triaged_at")
    public Instant triagedAt;
    @Column(name = "triaged_by")
    public String triagedBy;
    public String resolution;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    @Column(name = "resolved_by")
    public String resolvedBy;
    @Column(name = "closed_at")
    public Instant closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "close_reason")
    public String closeReason;
    /** S3: the advance replacement this ticket led to, and its status as rma-service last reported it. */
    @Column(name = "rma_id")
    public String rmaId;
    /** AUTHORISED, REFUSED, SHIPPED, DELIVERED, OVERDUE or RECEIVED. */
    @Column(name = "rma_status")
    public String rmaStatus;
    /** Issue 13: the device's coverage on the (site-local) day the ticket opened; not covered is a flag (P3). */
    @Column(name = "coverage_day")
    public java.time.LocalDate coverageDay;
    public Boolean covered;
    @Column(name = "coverage_rule")
    public String coverageRule;
    @Column(name = "coverage_reason")
    public String coverageReason;
    @Column(name = "coverage_contract_id")
    public String coverageContractId;
    @Column(name = "coverage_option")
    public String coverageOption;
    @Column(name = "coverage_period_start")
    public java.time.LocalDate coveragePeriodStart;
    @Column(name = "coverage_period_end")
    public java.time.LocalDate coveragePeriodEnd;
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "ticket_id", insertable = false, updatable = false)
    @OrderBy("at, seq")
    public List<TicketStep> steps = new ArrayList<>();
    /** S3 milestones (first response, triage), counted in the site's business hours (S1). */
    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "ticket_id", insertable = false, updatable = false)
    @org.hibernate.annotations.Fetch(org.hibernate.annotations.FetchMode.SELECT)
    @org.hibernate.annotations.BatchSize(size = 50)
    @OrderBy("milestone")
    public List<SlaMilestone> milestones = new ArrayList<>();
    /** The support policy the milestone targets came from: {@code default} or {@code partner <id>} (S3 configurable). */
    @Column(name = "support_policy")
    public String supportPolicy;
    @Column(name = "first_responded_at")
    public Instant firstRespondedAt;
    @Column(name = "first_responded_by")
    public String firstRespondedBy;
    /** The nearest due instant of the running milestones (desk queue order); null when none runs. */
    @Column(name = "next_due_at")
    public Instant nextDueAt;
    /** The agent working the ticket. */
    public String assignee;
    @Column(name = "assigned_at")
    public Instant assignedAt;
    @Version
    public long version;

    public void showCoverage(DeviceCoverage c) {
        coverageDay = c.day();
        covered = c.covered();
        coverageRule = c.rule();
        coverageReason = c.reason();
        coverageContractId = c.contractId();
        coverageOption = c.option();
        coveragePeriodStart = c.periodStart();
        coveragePeriodEnd = c.periodEnd();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public java.util.Optional<SlaMilestone> milestone(Milestone which) {
        return milestones.stream().filter(m -> m.milestone == which).findFirst();
    }

    /** Keeps the due columns (the gauge, the queue) in step with the milestones. */
    public void refreshDue() {
        milestone(Milestone.FIRST_RESPONSE).filter(m -> m.dueAt != null).ifPresent(m -> firstResponseDueAt = m.dueAt);
        milestone(Milestone.TRIAGE).filter(m -> m.dueAt != null).ifPresent(m -> triageDueAt = m.dueAt);
        nextDueAt = milestones.stream().map(SlaMilestone::runningDue).filter(java.util.Objects::nonNull)
                .min(java.util.Comparator.naturalOrder()).orElse(null);
    }

    /** S3: the first response to the partner, by an explicit agent action or the first comment the partner sees. */
    public boolean respond(com.poly.daas.calendar.BusinessCalendar site, Instant at, String by) {
        if (firstRespondedAt != null) {
            return false;
        }
        firstRespondedAt = at;
        firstRespondedBy = by;
        milestone(Milestone.FIRST_RESPONSE).ifPresent(m -> m.meet(site, at));
        refreshDue();
        return true;
    }

    /** S3: the agent needs the partner's answer; the milestones pause (the partner's time is not the desk's). */
    public void awaitPartner(com.poly.daas.calendar.BusinessCalendar site, Instant at) {
        moveTo(TicketStatus.WAITING_ON_PARTNER, "S3");
        milestones.forEach(m -> m.pause(site, at));
        refreshDue();
    }

    /** S3: the partner answered; the milestones count again with the business time they had left. */
    public void partnerAnswered(com.poly.daas.calendar.BusinessCalendar site, Instant at) {
        moveTo(TicketStatus.OPEN, "S3");
        milestones.forEach(m -> m.resume(site, at));
        refreshDue();
    }

    /**
     * S3: records the triage decision. Only an open ticket can be triaged; a hardware failure names its cause
     * (default HARDWARE_FAILURE), a no-fault decision has none.
     */
    public void triage(TriageDecision decision, FailureCause cause, String note, Instant at, String by) {
        moveTo(TicketStatus.TRIAGED, "S3");
        if (decision == TriageDecision.NO_FAULT && cause != null) {
            throw ApiProblem.invalidField("cause", "is only given with decision HARDWARE_FAILURE");
        }
        triageDecision = decision;
        failureCause = decision == TriageDecision.HARDWARE_FAILURE
                ? (cause == null ? FailureCause.HARDWARE_FAILURE : cause) : null;
        triageNote = note;
        triagedAt = at;
        triagedBy = by;
    }

    /** Triage, resolution or closure: the triage milestone is met (triage), or stopped with the others (closure). */
    public void settleMilestones(com.poly.daas.calendar.BusinessCalendar site, Instant at) {
        if (status == TicketStatus.TRIAGED) {
            milestone(Milestone.TRIAGE).ifPresent(m -> m.meet(site, at));
        }
        milestones.forEach(m -> m.stop(site, at));
        refreshDue();
    }

    /** A triaged ticket is resolved by first-level support with what was done. */
    public void resolve(String what, Instant at, String by) {
        moveTo(TicketStatus.RESOLVED, null);
        resolution = what;
        resolvedAt = at;
        resolvedBy = by;
    }

    /** S2: the partner (or an agent) closes its ticket, from any state but CLOSED. */
    public void close(String reason, Instant at, String by) {
        moveTo(TicketStatus.CLOSED, null);
        closeReason = reason;
        closedAt = at;
        closedBy = by;
    }

    private void moveTo(TicketStatus target, String rule) {
        if (!status.canMoveTo(target)) {
            throw ApiProblem.conflict("invalid-transition", "Ticket cannot move to " + target,
                    "Ticket " + id + " is " + status + "; from " + status + " it may only move to " + status.next() + ".",
                    rule);
        }
        status = target;
    }
}
