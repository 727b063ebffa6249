-- Price replica (A4, B2): list prices by SKU and price list, each in force from valid_from until the next one, built
-- from device-registry-service's ModelPriceChanged (its seed prices included). Not partner data.
create table model_price (
    sku               varchar(40)   not null,
    price_list        varchar(16)   not null,
    region            varchar(32),
    currency          varchar(3)    not null,
    amount            numeric(14,4) not null,
    valid_from        date          not null,
    updated_at        timestamptz   not null,
    primary key (sku, price_list, valid_from)
);
create index model_price_by_currency on model_price (sku, currency, valid_from desc);

-- Penalty charges (A4 unreturned unit, E5 excess RMA). B3: at most one charge per (RMA, cause), whatever the number
-- of deliveries, replays or racing consumers.
create table penalty_charge (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    customer_id       varchar(64),
    contract_id       varchar(64),
    rma_id            varchar(64)   not null,
    serial            varchar(40),
    sku               varchar(40),
    cause             varchar(24)   not null,
    rule_ids          varchar(64)   not null,
    status            varchar(16)   not null,
    amount            numeric(14,4),
    currency          varchar(3),
    price_list        varchar(16),
    price_valid_from  date,
    arose_on          date          not null,
    unpriced_reason   varchar(500),
    decision_reason   varchar(1000),
    decided_by        varchar(128),
    late_return_on    date,
    late_return_note  varchar(500),
    invoice_id        uuid,
    invoice_month     varchar(7),
    details           varchar(1000),
    created_at        timestamptz   not null,
    updated_at        timestamptz   not null,
    version           bigint        not null default 0,
    constraint penalty_charge_once_per_rma_and_cause unique (rma_id, cause)
);
create index penalty_charge_partner_created on penalty_charge (partner_id, created_at desc, id desc);
create index penalty_charge_queue on penalty_charge (status, created_at, id);
create index penalty_charge_to_invoice on penalty_charge (contract_id, status, arose_on);

create table charge_history (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    charge_id         uuid          not null references penalty_charge (id),
    occurred_at       timestamptz   not null,
    from_status       varchar(16),
    to_status         varchar(16)   not null,
    actor             varchar(128)  not null,
    note              varchar(1000)
);
create index charge_history_of_charge on charge_history (charge_id, occurred_at);

-- A4 credit note: a late return inside the grace window credits its charge (one per charge).
create table credit_note (
    id                uuid primary key,
    partner_id        varchar(64)   not null,
    charge_id         uuid          not null references penalty_charge (id),
    customer_id       varchar(64),
    contract_id       varchar(64),
    rma_id            varchar(64)   not null,
    serial            varchar(40),
    rule_ids          varchar(64)   not null,
    amount            numeric(14,4) not null,
    currency          varchar(3)    not null,
    status            varchar(16)   not null,
    reason            varchar(500)  not null,
    issued_on         date          not null,
    issued_at         timestamptz   not null,
    invoice_id        uuid,
    invoice_month     varchar(7),
    constraint credit_note_once_per_charge unique (charge_id)
);
create index credit_note_partner_issued on credit_note (partner_id, issued_at desc, id desc);
create index credit_note_to_invoice on credit_note (contract_id, status);

-- Invoice lines are device fees (B1), penalty charges (B2) or credit notes (A4).
alter table invoice_line add column kind varchar(16) not null default 'DEVICE';
alter table invoice_line add column charge_id uuid;
alter table invoice_line add column credit_note_id uuid;
alter table invoice_line add column rma_id varchar(64);
alter table invoice_line add column rule_ids varchar(64);
alter table invoice_line alter column serial drop not null;
alter table invoice_line alter column period_from drop not null;
alter table invoice_line alter column period_to drop not null;
alter table invoice_line alter column days drop not null;
alter table invoice_line alter column days_in_month drop not null;
alter table invoice_line alter column monthly_fee drop not null;
-- B3: a charge is on one invoice at most, and so is a credit note (a CREDIT line names its charge too).
create unique index invoice_line_charge_once on invoice_line (charge_id) where kind = 'CHARGE';
create unique index invoice_line_credit_once on invoice_line (credit_note_id) where kind = 'CREDIT';
