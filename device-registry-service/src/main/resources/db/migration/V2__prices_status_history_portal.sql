-- List prices per price list (A4, B2). Append-only: a row is never updated or deleted. A row's validity ends where
-- the next row of the same (sku, price list) begins, so "the price in force on D" is the row with the greatest
-- valid_from <= D, and history stays exactly as published.
create table model_price (
    id          uuid          primary key,
    sku         varchar(40)   not null references model (sku),
    price_list  varchar(16)   not null,
    region      varchar(16)   not null,
    currency    varchar(3)    not null,
    amount      numeric(12,2) not null check (amount >= 0),
    valid_from  date          not null,
    created_at  timestamptz   not null,
    constraint model_price_once_per_day unique (sku, price_list, valid_from)
);

create function model_price_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'model_price is append-only: publish a new price instead of changing history (A4)';
end $$;
create trigger model_price_no_rewrite before update or delete on model_price
    for each row execute function model_price_append_only();

create index model_family on model (family, sku);

-- Status history of each device (P3, P4, A2): one row per transition, owned by the device's partner.
create table device_status_change (
    id              uuid         primary key,
    partner_id      varchar(64) not null,
    device_id       uuid         not null references device (id),
    previous_status varchar(32),
    status          varchar(32)  not null,
    reason          varchar(200),
    changed_at      timestamptz  not null
);
create index device_status_change_device on device_status_change (device_id, changed_at);
create index device_customer on device (partner_id, customer_id, serial);
create index device_sku on device (sku, serial);
create index device_serial on device (serial, sku);

-- Licences (portal: look up licences), attached to a device serial or to a software entitlement. Partner-owned.
create table licence (
    id              uuid         primary key,
    partner_id      varchar(64) not null,
    licence_key     varchar(64) not null unique,
    product         varchar(200) not null,
    customer_id     varchar(64) not null,
    device_serial   varchar(40),
    entitlement_id  varchar(64),
    seats           int          not null check (seats > 0),
    valid_from      date         not null,
    valid_until     date,
    created_at      timestamptz  not null,
    constraint licence_attached check ((device_serial is null) <> (entitlement_id is null)),
    constraint licence_period check (valid_until is null or valid_until >= valid_from)
);
create index licence_device on licence (device_serial);
create index licence_partner on licence (partner_id, licence_key);

-- Spare parts (portal: find spare parts): catalogue data, the same for every partner.
create table spare_part (
    part_number  varchar(40)   primary key,
    name         varchar(200)  not null,
    list_price   numeric(12,2) not null check (list_price >= 0),
    currency     varchar(3)    not null,
    created_at   timestamptz   not null
);
create table spare_part_model (
    part_number varchar(40) not null references spare_part (part_number),
    sku         varchar(40) not null references model (sku),
    primary key (part_number, sku)
);
create index spare_part_model_sku on spare_part_model (sku, part_number);

-- Documentation and software releases per model (portal: download documentation or software). The file lives in
-- the blob store under its SHA-256 (content addressed); this row is its catalogue entry.
create table document (
    id            uuid          primary key,
    sku           varchar(40)   not null references model (sku),
    kind          varchar(32)   not null,
    title         varchar(200)  not null,
    version       varchar(40)   not null,
    released_on   date          not null,
    file_name     varchar(120)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)     not null,
    created_at    timestamptz   not null
);
create index document_sku on document (sku, kind, id);
