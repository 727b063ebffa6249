-- Replica of device coverage, fed only by contract-service's events (DeviceEnrolled, DeviceCoverageEnded), so that
-- RMAs are decided while contract-service is down. One row per device and contract (a replacement is its own row, P4).
create table covered_device (
    id                uuid primary key,
    partner_id        varchar(64) not null,
    contract_id       varchar(64) not null,
    serial            varchar(40) not null,
    sku               varchar(40),
    customer_id       varchar(64),
    customer_country  varchar(2),
    coverage_start    date,
    coverage_end      date,
    coverage_option   varchar(16),
    replaces_serial   varchar(40),
    ended_on          date,
    end_reason        varchar(64),
    updated_at        timestamptz not null,
    events_applied    int         not null default 0,
    constraint covered_device_per_contract unique (contract_id, serial)
);
create index covered_device_serial on covered_device (serial, partner_id);

-- Advance replacements (A1-A3). Dates are business dates of the calendars they were computed in.
create table rma (
    id                    uuid primary key,
    partner_id            varchar(64)  not null,
    customer_id           varchar(64)  not null,
    contract_id           varchar(64)  not null,
    serial                varchar(40)  not null,
    sku                   varchar(40),
    cause                 varchar(32)  not null,
    ticket_id             varchar(64),
    ship_to_country       varchar(2)   not null,
    ship_to_subdivision   varchar(3),
    ship_to_zone          varchar(64)  not null,
    service_centre        varchar(32)  not null,
    status                varchar(16)  not null,
    authorised_at         timestamptz  not null,
    authorised_by         varchar(128) not null,
    ship_date             date         not null,
    expected_delivery_on  date         not null,
    replacement_serial    varchar(40),
    shipped_at            timestamptz,
    return_due_on         date,
    received_on           date,
    received_late         boolean,
    version               bigint       not null
);
create index rma_partner_authorised on rma (partner_id, authorised_at desc, id desc);
create index rma_serial on rma (serial);
