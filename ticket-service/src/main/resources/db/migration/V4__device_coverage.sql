-- Issue 13, step 1: the device's coverage as contract-service publishes it (DeviceEnrolled, DeviceCoverageEnded),
-- ticket-service's own replica (rma-service keeps another: each service owns its data). Start inclusive, end and
-- ended_on exclusive (P3); null start until the delivery date is known.
create table covered_device (
    id               uuid primary key,
    partner_id       varchar(64) not null,
    contract_id      varchar(64) not null,
    serial           varchar(40) not null,
    customer_id      varchar(64),
    coverage_start   date,
    coverage_end     date,
    coverage_option  varchar(16),
    ended_on         date,
    end_reason       varchar(64),
    updated_at       timestamptz not null,
    constraint covered_device_per_contract unique (contract_id, serial)
);
create index covered_device_serial on covered_device (serial, partner_id);

-- What the ticket showed of the device's coverage on the day it opened (site-local day): a snapshot, so a later
-- contract change never rewrites what first-level support saw. A device not covered still gets a ticket, flagged.
alter table ticket add column coverage_day          date;
alter table ticket add column covered               boolean;
alter table ticket add column coverage_rule         varchar(8);
alter table ticket add column coverage_reason       varchar(400);
alter table ticket add column coverage_contract_id  varchar(64);
alter table ticket add column coverage_option       varchar(16);
alter table ticket add column coverage_period_start date;
alter table ticket add column coverage_period_end   date;
