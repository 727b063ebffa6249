-- Certified partners (P1). partner_id repeats the id so that the platform's partner filter lets a partner read only
-- its own row.
create table partner (
    id                   varchar(64)  primary key,
    partner_id           varchar(64)  not null,
    name                 varchar(200) not null,
    certification_status varchar(16)  not null,
    certified_from       date         not null,
    certified_until      date         not null,
    created_at           timestamptz  not null,
    version              bigint       not null,
    constraint partner_self check (partner_id = id),
    constraint partner_validity check (certified_until >= certified_from)
);

-- A partner's end customers; the region follows the country (P2).
create table customer (
    id          uuid         primary key,
    partner_id  varchar(64)  not null references partner (id),
    legal_name  varchar(200) not null,
    country     varchar(2)      not null,
    subdivision varchar(6),
    time_zone   varchar(64)  not null,
    region      varchar(16)  not null,
    currency    varchar(3)      not null,
    created_at  timestamptz  not null,
    version     bigint       not null
);
create index customer_partner on customer (partner_id, id);

-- DaaS contracts: DRAFT -> ACTIVE -> EXPIRED | TERMINATED. Fees are per device per month (B1).
create table contract (
    id                   uuid          primary key,
    partner_id           varchar(64)   not null references partner (id),
    customer_id          uuid          not null references customer (id),
    customer_country     varchar(2)       not null,
    term_months          int           not null check (term_months in (12, 24, 36, 48, 60)),
    currency             varchar(3)       not null,
    monthly_fee          numeric(12,2) not null check (monthly_fee >= 0),
    extended_fee         numeric(12,2) not null check (extended_fee >= 0),
    status               varchar(16)   not null,
    created_at           timestamptz   not null,
    activated_on         date,
    ends_on              date,         -- exclusive: activated_on + term months
    ended_on             date,
    end_reason           varchar(500),
    version              bigint        not null
);
create index contract_partner on contract (partner_id, id);
create index contract_expiry on contract (ends_on) where status = 'ACTIVE';

-- One row per device enrolment; a replacement gets its own row carrying its original's period (P4).
-- coverage_end is exclusive (first day not covered).
create table device_coverage (
    id              uuid         primary key,
    partner_id      varchar(64)  not null,
    contract_id     uuid         not null references contract (id),
    customer_id     uuid         not null,
    serial          varchar(40)  not null,
    sku             varchar(40)  not null,
    coverage_option varchar(16)  not null,
    delivered_on    date,
    coverage_start  date,
    coverage_end    date,
    status          varchar(24)  not null,
    ended_on        date,
    end_reason      varchar(32),
    replaces_serial varchar(40),
    original_serial varchar(40)  not null,
    enrolled_at     timestamptz  not null,
    version         bigint       not null,
    constraint coverage_period check ((coverage_start is null) = (coverage_end is null))
);
-- A serial is enrolled at most once at a time.
create unique index device_coverage_open_serial on device_coverage (serial) where status <> 'ENDED';
create index device_coverage_contract on device_coverage (contract_id, serial);
create index device_coverage_serial on device_coverage (serial, enrolled_at);
create index device_coverage_expiry on device_coverage (coverage_end) where status = 'COVERED';

-- Delivery dates the registry reported (P3), kept even before the serial is enrolled.
create table delivery_fact (
    serial       varchar(40) primary key,
    sku          varchar(40),
    partner_id   varchar(64),
    delivered_on date        not null,
    updated_at   timestamptz not null
);
