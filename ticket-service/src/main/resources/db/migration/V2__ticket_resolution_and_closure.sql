-- Explicit later steps of the ticket lifecycle: TRIAGED -> RESOLVED (agents) and any open state -> CLOSED.
alter table ticket add column resolution    varchar(2000);
alter table ticket add column resolved_at   timestamptz;
alter table ticket add column resolved_by   varchar(128);
alter table ticket add column closed_at     timestamptz;
alter table ticket add column closed_by     varchar(128);
alter table ticket add column close_reason  varchar(2000);
