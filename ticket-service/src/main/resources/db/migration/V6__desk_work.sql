-- Issue 13, step 3: desk work. The agent a ticket is assigned to; comments of the partner and of agents (internal
-- notes are agents' only, never shown to partners); every change of the ticket on its timeline, with who made it.
alter table ticket add column assignee    varchar(128);
alter table ticket add column assigned_at timestamptz;

create table ticket_comment (
    id          uuid primary key,
    ticket_id   uuid          not null references ticket (id),
    partner_id  varchar(64)   not null,
    body        varchar(4000) not null,
    internal    boolean       not null,
    author      varchar(128)  not null,
    author_role varchar(16)   not null,
    created_at  timestamptz   not null,
    seq         bigserial     not null
);
create index ticket_comment_ticket on ticket_comment (ticket_id, created_at, seq);

alter table ticket_step add column actor    varchar(128);
alter table ticket_step add column internal boolean not null default false;
