-- Replica of what is billable, fed only by contract-service's events (B1). Dates: start inclusive, end exclusive.
create table billing_contract (
    contract_id       varchar(64) primary key,
    partner_id        varchar(64) not null,
    customer_id       varchar(64),
    customer_country  varchar(2),
    currency          varchar(3),
    term_months       int,
    activated_on      date,
    ended_on          date,
    end_reason        varchar(64),
    updated_at        timestamptz not null,
    events_applied    int         not null default 0
);
create index billing_contract_partner on billing_contract (partner_id, contract_id);

create table billable_device (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    contract_id       varchar(64)   not null,
    serial            varchar(40)   not null,
    sku               varchar(40),
    coverage_start    date,
    coverage_end      date,
    coverage_option   varchar(16),
    monthly_fee       numeric(14,4),
    extended_fee      numeric(14,4),
    currency          varchar(3),
    ended_on          date,
    end_reason        varchar(64),
    updated_at        timestamptz   not null,
    constraint billable_device_per_contract unique (contract_id, serial)
);

-- An invoice run: who billed which month, when, with what outcome.
create table invoice_run (
    id                uuid primary key,
    month             varchar(7)   not null,
    requested_by      varchar(128) not null,
    started_at        timestamptz  not null,
    invoices_created  int          not null,
    already_invoiced  int          not null
);

-- B1/B3: one invoice per contract and month, ever (the unique constraint is the last line of defence).
create table invoice (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    contract_id       varchar(64)   not null,
    customer_id       varchar(64),
    month             varchar(7)    not null,
    currency          varchar(3)    not null,
    total             numeric(14,2) not null,
    issued_at         timestamptz   not null,
    run_id            uuid          not null references invoice_run (id),
    constraint invoice_once_per_contract_and_month unique (contract_id, month)
);
create index invoice_partner_issued on invoice (partner_id, issued_at desc, id desc);
create index invoice_by_run on invoice (run_id);

create table invoice_line (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    invoice_id        uuid          not null references invoice (id),
    serial            varchar(40)   not null,
    sku               varchar(40),
    coverage_option   varchar(16),
    period_from       date          not null,
    period_to         date          not null,
    days              int           not null,
    days_in_month     int           not null,
    monthly_fee       numeric(14,4) not null,
    extended_fee      numeric(14,4),
    amount            numeric(14,2) not null
);
create index invoice_line_invoice on invoice_line (invoice_id, serial);
