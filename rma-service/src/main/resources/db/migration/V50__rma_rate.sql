-- E5: every RMA authorised, counted once (unique RMA id) in the customer's calendar year, and whether it took the
-- customer's annual RMA rate above the threshold (ExcessRmaDetected published once for it).
create table rma_rate_authorisation (
    rma_id            varchar(64)   primary key,
    partner_id        varchar(64)   not null,
    customer_id       varchar(64)   not null,
    contract_id       varchar(64),
    serial            varchar(40),
    sku               varchar(40),
    authorised_on     date          not null,
    rate_year         int           not null,
    rmas_in_year      int           not null,
    installed_base    numeric(14,4) not null,
    rate_percent      numeric(10,4),
    threshold_percent numeric(6,2)  not null,
    excess            boolean       not null,
    recorded_at       timestamptz   not null
);
create index rma_rate_authorisation_customer_year on rma_rate_authorisation (customer_id, rate_year, authorised_on);
