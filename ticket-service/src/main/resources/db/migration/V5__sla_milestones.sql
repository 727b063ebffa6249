-- Issue 13, step 2 (S1, S3): the ticket's SLA milestones, as entitlement milestones / SLA policies keep them. Each
-- milestone counts business time of the site (S1) towards its target; it pauses while the ticket waits on the
-- partner and resumes when the partner answers. elapsed_seconds is the business time counted before running_since
-- (or before paused_at while paused). due_at is the instant the target is reached while running; a milestone is
-- breached when due_at < coalesce(paused_at, met_at, stopped_at, now).
create table ticket_milestone (
    id              uuid primary key,
    ticket_id       uuid         not null references ticket (id),
    milestone       varchar(16)  not null,
    target_seconds  bigint       not null,
    elapsed_seconds bigint       not null default 0,
    running_since   timestamptz,
    paused_at       timestamptz,
    due_at          timestamptz,
    met_at          timestamptz,
    stopped_at      timestamptz,
    breached_at     timestamptz,
    constraint ticket_milestone_once unique (ticket_id, milestone)
);
create index ticket_milestone_unbreached on ticket_milestone (due_at) where breached_at is null;

-- One row per ticket and milestone that breached: the SLA check publishes SlaBreached only when it inserts the row,
-- so several replicas checking at once publish it once.
create table sla_breach (
    ticket_id   uuid        not null references ticket (id),
    milestone   varchar(16) not null,
    breached_at timestamptz not null,
    detected_at timestamptz not null,
    primary key (ticket_id, milestone)
);

-- WAITING_ON_PARTNER (S3 pause) is longer than the old statuses.
alter table ticket alter column status type varchar(24);
alter table ticket add column support_policy     varchar(80);
alter table ticket add column first_responded_at timestamptz;
alter table ticket add column first_responded_by varchar(128);
-- The nearest due instant of the ticket's running milestones (the desk queue's order); null when none runs.
alter table ticket add column next_due_at        timestamptz;
create index ticket_next_due on ticket (next_due_at, id);

-- Tickets opened before milestones existed: their two milestones, running from the opening (no pause happened).
insert into ticket_milestone (id, ticket_id, milestone, target_seconds, elapsed_seconds, running_since, due_at, met_at, stopped_at)
select gen_random_uuid(), t.id, 'FIRST_RESPONSE', 14400, 0, t.opened_at, t.first_response_due_at,
       t.triaged_at, case when t.triaged_at is null and t.status in ('RESOLVED', 'CLOSED') then coalesce(t.closed_at, t.resolved_at) end
from ticket t;
insert into ticket_milestone (id, ticket_id, milestone, target_seconds, elapsed_seconds, running_since, due_at, met_at, stopped_at)
select gen_random_uuid(), t.id, 'TRIAGE', 28800, 0, t.opened_at, t.triage_due_at,
       t.triaged_at, case when t.triaged_at is null and t.status in ('RESOLVED', 'CLOSED') then coalesce(t.closed_at, t.resolved_at) end
from ticket t;
update ticket set next_due_at = first_response_due_at where status = 'OPEN';
update ticket_milestone set running_since = null where met_at is not null or stopped_at is not null;
-- Breaches that happened before milestones existed are recorded, not announced: no burst of SlaBreached for history.
update ticket_milestone set breached_at = due_at where due_at < coalesce(paused_at, met_at, stopped_at, now());
insert into sla_breach (ticket_id, milestone, breached_at, detected_at)
select ticket_id, milestone, breached_at, now() from ticket_milestone where breached_at is not null;
