-- Issue 10: the advance replacement end to end (S3 -> A1..A4).

-- S3 -> A1: each ticket's confirmed hardware failure, once per ticket (a replayed HardwareFailureConfirmed, whatever
-- its event id, never opens a second RMA), with the decision taken on it.
create table failure_report (
    ticket_id         varchar(64)   primary key,
    partner_id        varchar(64)   not null,
    customer_id       varchar(64),
    serial            varchar(40)   not null,
    cause             varchar(32)   not null,
    site_country      varchar(2),
    site_subdivision  varchar(3),
    site_zone         varchar(64),
    contract_id       varchar(64),
    confirmed_at      timestamptz,
    outcome           varchar(16)   not null,
    rma_id            uuid,
    refusal_rule      varchar(16),
    refusal_reason    varchar(2000),
    decided_at        timestamptz   not null
);

-- Replica of registered devices (device-registry-service's DeviceRegistered): a replacement must be a registered
-- device of the same model (A1, P4).
create table registered_device (
    sku          varchar(40)  not null,
    serial       varchar(40)  not null,
    partner_id   varchar(64),
    customer_id  varchar(64),
    updated_at   timestamptz  not null,
    primary key (sku, serial)
);
create index registered_device_serial on registered_device (serial);

-- Shipment (carrier, tracking), delivery (A3 re-basing), overdue (A4), the agent's reason, the return address.
alter table rma add column carrier               varchar(64);
alter table rma add column tracking_number       varchar(64);
alter table rma add column delivered_on          date;
alter table rma add column delivery_confirmed_at timestamptz;
alter table rma add column overdue_on            date;
alter table rma add column overdue_detected_at   timestamptz;
alter table rma add column received_at           timestamptz;
alter table rma add column origin                varchar(16) not null default 'AGENT';
alter table rma add column agent_reason          varchar(2000);
alter table rma add column return_address        varchar(500);

-- One open RMA per device, enforced by the database (two concurrent requests for one serial: exactly one RMA).
create unique index rma_one_open_per_device on rma (serial)
    where status in ('AUTHORISED', 'SHIPPED', 'DELIVERED', 'OVERDUE');
-- The overdue scan's candidates (A3 -> A4).
create index rma_return_open on rma (return_due_on) where status in ('SHIPPED', 'DELIVERED');
create index rma_ticket on rma (ticket_id);
