-- Who each serial is registered to, from the registry's DeviceRegistered events (issue 9): a ticket names only a
-- device registered to the ticket's partner and customer.
create table registered_device (
    serial        varchar(40) primary key,
    sku           varchar(40) not null,
    partner_id    varchar(64) not null,
    customer_id   varchar(64) not null,
    registered_at timestamptz not null
);
