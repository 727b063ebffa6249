package com.poly.daas.ticket.api;

import com.poly.daas.calendar.BusinessCalendar;
import com.poly.daas.ticket.domain.FailureCause;
import com.poly.daas.ticket.domain.Milestone;
import com.poly.daas.ticket.domain.SlaMilestone;
import com.poly.daas.ticket.domain.TicketComment;
import com.poly.daas.ticket.domain.Ticket;
import com.poly.daas.ticket.domain.TicketStatus;
import com.poly.daas.ticket.domain.TriageDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the ticket API. */
public final class TicketViews {
    public static final String SERIAL_PATTERN = "[A-Z0-9][A-Z0-9-]{3,39}";

    @Schema(name = "NewTicket", description = "A ticket to open for one of the partner's customers (S2: partners and agents only)")
    public record NewTicket(
            @Schema(description = "Partner the ticket is for; partners may omit it (their own), agents must give it", example = "P-1001")
            String partnerId,
            @NotBlank @Size(max = 64)
            @Schema(description = "One of the partner's customers (issue 9: another partner's is refused as unknown); the "
                    + "ticket's site and clocks follow its record (S1)", example = "0b9f3c1e-6a55-4d0e-9a43-6c5b1f1d2e77")
            String customerId,
            @NotBlank @Pattern(regexp = SERIAL_PATTERN, message = "must be 4-40 upper-case letters, digits or '-'")
            @Schema(description = "A device registered to that customer in the device registry", example = "64167F2A9C01")
            String serial,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US")
            @Schema(description = "Ignored (kept for older clients): S1 clocks run in the customer's site as contract-service "
                    + "records it, whatever the caller sends", example = "US", deprecated = true)
            String siteCountry,
            @Pattern(regexp = "([A-Z]{2}-)?[A-Z0-9]{1,3}", message = "must be an ISO 3166-2 subdivision such as NY or US-NY")
            @Schema(description = "Ignored (kept for older clients): the site comes from the customer record", example = "NY",
                    deprecated = true)
            String siteSubdivision,
            @Size(max = 64)
            @Schema(description = "Ignored (kept for older clients): the site comes from the customer record",
                    example = "America/New_York", deprecated = true)
            String timeZone,
            @NotBlank @Size(max = 200) @Schema(example = "Handset dead after firmware update") String subject,
            @NotBlank @Size(max = 4000)
            @Schema(example = "The partner's troubleshooting (power cycle, factory reset) did not help; no dial tone.")
            String description) {
    }

    @Schema(name = "Triage", description = "S3: first-level support's decision on the device")
    public record Triage(
            @NotNull @Schema(example = "HARDWARE_FAILURE", description = "HARDWARE_FAILURE leads to an advance-replacement RMA (A1)")
            TriageDecision decision,
            @Schema(example = "HARDWARE_FAILURE", description = "With HARDWARE_FAILURE only: what failed (default HARDWARE_FAILURE; "
                    + "LIQUID_SPILL and DROP_DAMAGE need the extended option at RMA time, E2)")
            FailureCause cause,
            @Size(max = 2000) @Schema(example = "Power supply board failure confirmed by remote diagnostics.") String note) {
    }

    @Schema(name = "Resolution", description = "How first-level support resolved a triaged ticket")
    public record Resolution(
            @NotBlank @Size(max = 2000) @Schema(example = "Advance replacement RMA 8a7b6c5d authorised; partner informed.")
            String resolution) {
    }

    @Schema(name = "Closure", description = "Why the ticket is closed")
    public record Closure(
            @Size(max = 2000) @Schema(example = "Replacement installed by the partner; end user confirmed.") String reason) {
    }

    @Schema(name = "Ticket", description = "A first-level support ticket with its S1/S3 clocks")
    public record TicketView(
            @Schema(example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String id,
            @Schema(example = "P-1001") String partnerId,
            @Schema(example = "CU-20931") String customerId,
            @Schema(description = "A device registered to that customer in the device registry", example = "64167F2A9C01")
            String serial,
            @Schema(example = "US") String siteCountry,
            @Schema(example = "NY") String siteSubdivision,
            @Schema(example = "America/New_York") String timeZone,
            @Schema(example = "Handset dead after firmware update") String subject,
            @Schema(example = "The partner's troubleshooting did not help; no dial tone.") String description,
            @Schema(example = "OPEN") TicketStatus status,
            @Schema(example = "2026-11-20T21:00:00Z") Instant openedAt,
            @Schema(description = "S3: first response due (4 business hours of the site, S1)", example = "2026-11-23T17:00:00Z")
            Instant firstResponseDueAt,
            @Schema(description = "The same instant in the site's local time", example = "2026-11-23T12:00:00-05:00")
            OffsetDateTime firstResponseDueLocal,
            @Schema(description = "S3: triage decision due (1 business day = 8 business hours of the site)", example = "2026-11-23T21:00:00Z")
            Instant triageDueAt,
            @Schema(description = "The same instant in the site's local time", example = "2026-11-23T16:00:00-05:00")
            OffsetDateTime triageDueLocal,
            @Schema(example = "HARDWARE_FAILURE") TriageDecision triageDecision,
            @Schema(example = "HARDWARE_FAILURE") FailureCause failureCause,
            @Schema(example = "Power supply board failure confirmed by remote diagnostics.") String triageNote,
            @Schema(example = "2026-11-23T15:10:00Z") Instant triagedAt,
            @Schema(example = "Advance replacement RMA 8a7b6c5d authorised; partner informed.") String resolution,
            @Schema(example = "2026-11-24T10:00:00Z") Instant resolvedAt,
            @Schema(example = "Replacement installed by the partner; end user confirmed.") String closeReason,
            @Schema(example = "2026-11-26T09:00:00Z") Instant closedAt,
            @Schema(description = "S3: the advance replacement this ticket led to", example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d")
            String rmaId,
            @Schema(description = "The RMA's status as last reported: AUTHORISED, REFUSED, SHIPPED, DELIVERED, OVERDUE, RECEIVED",
                    example = "SHIPPED") String rmaStatus,
            @Schema(description = "The ticket's steps and its RMA's (authorised or refused with the rule and reason, shipped with "
                    + "tracking, delivered, overdue, returned), oldest first") List<TimelineEntry> timeline,
            @Schema(description = "The device's coverage on the site's day the ticket opened (P3, E1); a device not covered "
                    + "still gets first-level support, flagged") CoverageView coverage,
            @Schema(description = "S3: the support policy the milestone targets come from (default, or the partner's own)",
                    example = "default") String supportPolicy,
            @Schema(description = "S3 milestones: first response and triage decision, in the site's business hours (S1)")
            List<MilestoneView> milestones,
            @Schema(description = "Whether any milestone is breached", example = "false") boolean breached,
            @Schema(description = "S3: when an agent first answered the partner", example = "2026-11-23T14:05:00Z")
            Instant firstRespondedAt,
            @Schema(description = "The agent working the ticket", example = "agent-jdupont") String assignee) {

        public static TicketView of(Ticket t, BusinessCalendar site, Instant now, boolean staff) {
            List<MilestoneView> milestones = t.milestones.stream().map(m -> MilestoneView.of(m, t, site, now)).toList();
            return new TicketView(t.id.toString(), t.partnerId, t.customerId, t.serial, t.siteCountry, t.siteSubdivision,
                    t.timeZone, t.subject, t.description, t.status, t.openedAt, t.firstResponseDueAt,
                    t.firstResponseDueAt.atZone(t.zone()).toOffsetDateTime(), t.triageDueAt,
                    t.triageDueAt.atZone(t.zone()).toOffsetDateTime(), t.triageDecision, t.failureCause, t.triageNote,
                    t.triagedAt, t.resolution, t.resolvedAt, t.closeReason, t.closedAt, t.rmaId, t.rmaStatus, timeline(t, staff),
                    CoverageView.of(t), t.supportPolicy, milestones, milestones.stream().anyMatch(MilestoneView::breached),
                    t.firstRespondedAt, t.assignee);
        }

        /** Every change, oldest first, with who made it; internal notes only for staff. */
        static List<TimelineEntry> timeline(Ticket t, boolean staff) {
            List<TimelineEntry> steps = new ArrayList<>();
            steps.add(new TimelineEntry("OPENED", t.openedAt, null, null, t.subject, t.openedBy));
            if (t.triagedAt != null) {
                steps.add(new TimelineEntry("TRIAGED", t.triagedAt, null, null, t.triageDecision
                        + (t.failureCause == null ? "" : " (" + t.failureCause + ")"), t.triagedBy));
            }
            t.steps.stream().filter(s -> staff || !s.internal).forEach(s -> steps.add(new TimelineEntry(s.step, s.at,
                    s.rmaId, s.rule, s.detail, s.actor != null ? s.actor : s.step.startsWith("RMA_") || s.rmaId != null
                    ? "rma-service" : null)));
            if (t.resolvedAt != null) {
                steps.add(new TimelineEntry("RESOLVED", t.resolvedAt, null, null, t.resolution, t.resolvedBy));
            }
            if (t.closedAt != null) {
                steps.add(new TimelineEntry("CLOSED", t.closedAt, null, null, t.closeReason, t.closedBy));
            }
            steps.sort(java.util.Comparator.comparing(TimelineEntry::at)); // stable: same-instant steps keep their order
            return steps;
        }
    }

    @Schema(name = "TicketCoverage", description = "The device's coverage on the day the ticket opened, at the customer's "
            + "site (P3: from delivery for the contract's term; P4: a replacement keeps its original's period; E1: option)")
    public record CoverageView(
            @Schema(description = "The site-local day the coverage was read for", example = "2026-11-20") java.time.LocalDate day,
            @Schema(description = "Whether a contract covered the device that day", example = "true") boolean covered,
            @Schema(description = "When not covered: the rule it fails", example = "P3") String rule,
            @Schema(description = "When not covered: why", example = "device 64167F2A9C01 is not covered on 2026-11-20: its "
                    + "delivery date is not reported yet, so its service period has not started (P3)") String reason,
            @Schema(example = "c-2f6a0d3e") String contractId,
            @Schema(description = "STANDARD or EXTENDED (E1, E2)", example = "EXTENDED") String option,
            @Schema(description = "First covered day (P3: the delivery date)", example = "2026-01-15") java.time.LocalDate periodStart,
            @Schema(description = "First day no longer covered (end exclusive)", example = "2029-01-15") java.time.LocalDate periodEnd) {

        static CoverageView of(Ticket t) {
            return t.covered == null ? null : new CoverageView(t.coverageDay, t.covered, t.coverageRule, t.coverageReason,
                    t.coverageContractId, t.coverageOption, t.coveragePeriodStart, t.coveragePeriodEnd);
        }
    }

    @Schema(name = "TicketTimelineEntry", description = "One step of a ticket or of the RMA it led to")
    public record TimelineEntry(
            @Schema(example = "REPLACEMENT_SHIPPED", description = "OPENED, FIRST_RESPONSE, ASSIGNED, COMMENTED, INTERNAL_NOTE "
                    + "(agents only), WAITING_ON_PARTNER, PARTNER_ANSWERED, SLA_BREACHED, TRIAGED, RMA_AUTHORISED, RMA_REFUSED, REPLACEMENT_SHIPPED, "
                    + "REPLACEMENT_DELIVERED, RETURN_OVERDUE, DEFECTIVE_UNIT_RECEIVED, LATE_RETURN_RECEIVED, RESOLVED, CLOSED")
            String step,
            @Schema(example = "2026-11-24T18:30:00Z") Instant at,
            @Schema(example = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d") String rmaId,
            @Schema(description = "The refusing rule's id (RMA_REFUSED)", example = "E4") String rule,
            @Schema(example = "replacement 64167F2A9D55 shipped with UPS, tracking 1Z999AA10123456784") String detail,
            @Schema(description = "Who made the change: a user, or the service that reported it", example = "agent-jdupont")
            String by) {
    }

    @Schema(name = "TicketMilestone", description = "S3: one SLA milestone of the ticket, counted only in the business hours "
            + "of the ticket's site (S1: Monday-Friday 09:00-17:00 local, without its public holidays); paused while the "
            + "ticket waits on the partner")
    public record MilestoneView(
            @Schema(example = "FIRST_RESPONSE") Milestone milestone,
            @Schema(description = "Business time allowed (ISO-8601), from the ticket's support policy", example = "PT4H") String target,
            @Schema(description = "RUNNING, PAUSED (waiting on the partner), MET or STOPPED (ticket closed without it)",
                    example = "RUNNING") SlaMilestone.State state,
            @Schema(description = "The due instant passed before the milestone was met, stopped or paused", example = "false")
            boolean breached,
            @Schema(description = "When the target is reached (UTC); absent while paused", example = "2026-11-23T17:00:00Z") Instant dueAt,
            @Schema(description = "The same instant in the site's local time", example = "2026-11-23T12:00:00-05:00")
            OffsetDateTime dueLocal,
            @Schema(description = "Business time counted so far (ISO-8601)", example = "PT1H30M") String businessElapsed,
            @Schema(description = "Business time left before the due instant (ISO-8601; PT0S once due)", example = "PT2H30M")
            String businessRemaining,
            @Schema(example = "2026-11-23T14:05:00Z") Instant metAt) {

        static MilestoneView of(SlaMilestone m, Ticket t, BusinessCalendar site, Instant now) {
            Instant due = m.state() == SlaMilestone.State.PAUSED ? null : m.dueAt;
            return new MilestoneView(m.milestone, m.target().toString(), m.state(), m.breached(now), due,
                    due == null ? null : due.atZone(t.zone()).toOffsetDateTime(), m.elapsed(site, now).toString(),
                    m.remaining(site, now).toString(), m.metAt);
        }
    }

    @Schema(name = "FirstResponse", description = "S3: the agent's first response to the partner, made outside a comment")
    public record FirstResponse(
            @Size(max = 2000) @Schema(example = "Called the partner's service desk; remote diagnostics scheduled.") String note) {
    }

    @Schema(name = "PartnerQuestion", description = "S3: what the agent needs from the partner; the milestones pause until it answers")
    public record PartnerQuestion(
            @NotBlank @Size(max = 4000) @Schema(example = "Please send the device's diagnostic log after a reboot.") String question) {
    }

    @Schema(name = "Assignment", description = "The agent to work the ticket")
    public record Assignment(
            @NotBlank @Size(max = 128) @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be an agent's user id")
            @Schema(example = "agent-jdupont") String agent) {
    }

    @Schema(name = "NewTicketComment", description = "A comment of the partner or an agent (S2: never an end user)")
    public record NewComment(
            @NotBlank @Size(max = 4000) @Schema(example = "Diagnostic log attached; the unit still reboots every 5 minutes.")
            String body,
            @Schema(description = "Agents only: an internal note partners never see (default false)", example = "false")
            Boolean internal) {
    }

    @Schema(name = "TicketComment", description = "A comment on a ticket")
    public record CommentView(
            @Schema(example = "5b7c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String id,
            @Schema(example = "3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f") String ticketId,
            @Schema(example = "Diagnostic log attached; the unit still reboots every 5 minutes.") String body,
            @Schema(description = "An agents-only note (never shown to partners)", example = "false") boolean internal,
            @Schema(example = "partner-user-17") String author,
            @Schema(description = "partner or agent", example = "partner") String authorRole,
            @Schema(example = "2026-11-23T14:05:00Z") Instant createdAt) {

        public static CommentView of(TicketComment c) {
            return new CommentView(c.id.toString(), c.ticketId.toString(), c.body, c.internal, c.author, c.authorRole,
                    c.createdAt);
        }
    }

    private TicketViews() {
    }
}
