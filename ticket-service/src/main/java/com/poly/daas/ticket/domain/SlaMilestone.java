package com.poly.daas.ticket.domain;

import com.poly.daas.calendar.BusinessCalendar;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One S3 milestone of a ticket (first response, triage), counted only in the business hours of the ticket's site
 * (S1). It runs from the opening, pauses while the ticket waits on the partner and resumes when the partner answers
 * with the business time left; it is met by the agent's action, or stopped when the ticket closes without it. It is
 * breached when its due instant passed before it was met, stopped or paused.
 */
@Entity
@Table(name = "ticket_milestone")
public class SlaMilestone {
    public enum State { RUNNING, PAUSED, MET, STOPPED }

    @Id
    public UUID id;
    @Column(name = "ticket_id")
    public UUID ticketId;
    @Enumerated(EnumType.STRING)
    public Milestone milestone;
    @Column(name = "target_seconds")
    public long targetSeconds;
    /** Business time counted before {@code runningSince} (or before {@code pausedAt} while paused). */
    @Column(name = "elapsed_seconds")
    public long elapsedSeconds;
    @Column(name = "running_since")
    public Instant runningSince;
    @Column(name = "paused_at")
    public Instant pausedAt;
    /** While running: when the target is reached. Kept when paused, met or stopped (the breach test needs it). */
    @Column(name = "due_at")
    public Instant dueAt;
    @Column(name = "met_at")
    public Instant metAt;
    @Column(name = "stopped_at")
    public Instant stoppedAt;
    /** Set only by the SLA check when it published SlaBreached (never written through the entity). */
    @Column(name = "breached_at", insertable = false, updatable = false)
    public Instant breachedAt;

    public static SlaMilestone start(UUID ticketId, Milestone milestone, Duration target, BusinessCalendar site, Instant at) {
        SlaMilestone m = new SlaMilestone();
        m.id = UUID.randomUUID();
        m.ticketId = ticketId;
        m.milestone = milestone;
        m.targetSeconds = target.toSeconds();
        m.runningSince = at;
        m.dueAt = site.addBusinessHours(at, target);
        return m;
    }

    public State state() {
        if (metAt != null) {
            return State.MET;
        }
        if (stoppedAt != null) {
            return State.STOPPED;
        }
        return pausedAt != null ? State.PAUSED : State.RUNNING;
    }

    public Duration target() {
        return Duration.ofSeconds(targetSeconds);
    }

    /** Business time counted so far (S1: only the site's business hours, never while paused). */
    public Duration elapsed(BusinessCalendar site, Instant now) {
        Duration before = Duration.ofSeconds(elapsedSeconds);
        return runningSince == null || !now.isAfter(runningSince) ? before
                : before.plus(site.businessHoursBetween(runningSince, now));
    }

    public Duration remaining(BusinessCalendar site, Instant now) {
        Duration left = target().minus(elapsed(site, now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Breached: the due instant came before the milestone was met, stopped or paused (or before now). */
    public boolean breached(Instant now) {
        Instant end = pausedAt != null ? pausedAt : metAt != null ? metAt : stoppedAt != null ? stoppedAt : now;
        return dueAt != null && dueAt.isBefore(end);
    }

    /** The due instant while it runs (null while paused, met or stopped). */
    public Instant runningDue() {
        return state() == State.RUNNING ? dueAt : null;
    }

    /** The partner is asked something: the clock stops counting. */
    public void pause(BusinessCalendar site, Instant at) {
        if (state() != State.RUNNING) {
            return;
        }
        elapsedSeconds = elapsed(site, at).toSeconds();
        runningSince = null;
        pausedAt = at;
    }

    /** The partner answered: the clock counts again from now with the business time left (a past breach stays). */
    public void resume(BusinessCalendar site, Instant at) {
        if (state() != State.PAUSED) {
            return;
        }
        boolean breachedBeforePause = breached(at);
        pausedAt = null;
        runningSince = at;
        if (!breachedBeforePause) {
            dueAt = site.addBusinessHours(at, target().minusSeconds(elapsedSeconds));
        }
    }

    public void meet(BusinessCalendar site, Instant at) {
        if (state() == State.MET || state() == State.STOPPED) {
            return;
        }
        elapsedSeconds = elapsed(site, at).toSeconds();
        runningSince = null;
        metAt = at;
    }

    /** The ticket closed (or was resolved) without the milestone: it no longer counts. */
    public void stop(BusinessCalendar site, Instant at) {
        if (state() == State.MET || state() == State.STOPPED) {
            return;
        }
        elapsedSeconds = elapsed(site, at).toSeconds();
        runningSince = null;
        stoppedAt = at;
    }
}
