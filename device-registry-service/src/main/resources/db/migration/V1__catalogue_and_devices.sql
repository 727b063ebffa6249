-- Catalogue of models (P5, P6, E3). Announcements are facts: once set they are never cleared.
create table model (
    sku                          varchar(40)  primary key,
    name                         varchar(200) not null,
    family                       varchar(100) not null,
    category                     varchar(32)  not null,
    voice                        boolean      not null,
    daas_eligible                boolean      not null,
    end_of_sale_announced_on     date,
    end_of_sale_effective_on     date,
    end_of_support_announced_on  date,
    end_of_support_effective_on  date,
    created_at                   timestamptz  not null,
    version                      bigint       not null
);
create index model_category on model (category, sku);

-- Serial registry: one row per physical device, owned by a partner (P3, P4, A2).
create table device (
    id            uuid primary key,
    partner_id    varchar(64)  not null,
    customer_id   varchar(64)  not null,
    serial        varchar(40)  not null,
    sku           varchar(40)  not null references model (sku),
    delivered_on  date,
    status        varchar(32)  not null,
    replaces_serial varchar(40),
    registered_at timestamptz  not null,
    version       bigint       not null,
    constraint device_serial_per_model unique (sku, serial)
);
create index device_partner on device (partner_id, serial);
