-- Local replica of the registry's model facts this service decides with (P6, E3); fed only by registry events,
-- so enrolment keeps working while the registry is down.
create table model_fact (
    sku                      varchar(40) primary key,
    name                     varchar(200),
    category                 varchar(32),
    voice                    boolean     not null default false,
    daas_eligible            boolean     not null default false,
    end_of_sale_announced_on date,
    end_of_sale_received_at  timestamptz,
    end_of_support_announced_on date,
    updated_at               timestamptz not null,
    events_applied           int         not null default 0
);
