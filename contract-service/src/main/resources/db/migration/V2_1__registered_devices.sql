-- Who each serial is registered to, from the registry's DeviceRegistered events (issue 9): an enrolment names only
-- serials registered to the contract's partner and customer. Internal: never served to callers.
create table registered_device (
    serial        varchar(40) primary key,
    sku           varchar(40) not null,
    partner_id    varchar(64) not null,
    customer_id   varchar(64) not null,
    registered_at timestamptz not null
);
