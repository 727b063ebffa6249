-- Replicas of contract-service's partners and customers (events on daas.contracts.parties.v1), present in every
-- service's schema so that each one checks ownership on its own data (issue 9). contract-service owns the facts and
-- answers from its own tables; its copies stay empty.
create table party_partner (
    partner_id           varchar(64) primary key,
    certification_status varchar(16) not null,
    certified_from       date        not null,
    certified_until      date        not null,
    updated_at           timestamptz not null
);

create table party_customer (
    customer_id varchar(64) primary key,
    partner_id  varchar(64) not null,
    country     varchar(2)  not null,
    subdivision varchar(6),
    time_zone   varchar(64) not null,
    region      varchar(16) not null,
    currency    varchar(3)  not null,
    updated_at  timestamptz not null
);
create index party_customer_partner on party_customer (partner_id);
