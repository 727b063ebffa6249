-- S3: the ticket follows the advance replacement its triage led to (rma-service's events).
alter table ticket add column rma_id     varchar(64);
alter table ticket add column rma_status varchar(24);
create index ticket_rma on ticket (rma_id);

-- The ticket's timeline of RMA steps: authorised or refused (with the rule and reason), shipped (tracking),
-- delivered, overdue, returned. One row per applied event.
create table ticket_step (
    id        uuid primary key,
    ticket_id uuid         not null references ticket (id),
    at        timestamptz  not null,
    step      varchar(32)  not null,
    detail    varchar(2000),
    rma_id    varchar(64),
    rule      varchar(16),
    seq       bigserial    not null
);
create index ticket_step_ticket on ticket_step (ticket_id, at);
