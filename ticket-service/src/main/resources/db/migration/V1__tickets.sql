-- First-level support tickets (S1-S3). Each ticket keeps the place its clocks are measured in (S1) and the due
-- instants computed in that place's business hours when it was opened (S3).
create table ticket (
    id                    uuid primary key,
    partner_id            varchar(64)  not null,
    customer_id           varchar(64)  not null,
    serial                varchar(40)  not null,
    site_country          varchar(2)   not null,
    site_subdivision      varchar(3),
    time_zone             varchar(64)  not null,
    subject               varchar(200) not null,
    description           varchar(4000) not null,
    status                varchar(16)  not null,
    opened_at             timestamptz  not null,
    opened_by             varchar(128) not null,
    first_response_due_at timestamptz  not null,
    triage_due_at         timestamptz  not null,
    triage_decision       varchar(32),
    failure_cause         varchar(32),
    triage_note           varchar(2000),
    triaged_at            timestamptz,
    triaged_by            varchar(128),
    version               bigint       not null
);
create index ticket_partner_opened on ticket (partner_id, opened_at desc, id desc);
create index ticket_serial on ticket (serial);
