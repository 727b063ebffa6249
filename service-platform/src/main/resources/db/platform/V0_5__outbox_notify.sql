-- Issue 16: the outbox relay waits for a notification instead of polling every 50 ms. Each statement that adds outbox
-- rows signals the channel daas_outbox_<schema>; PostgreSQL delivers it when (and only if) the transaction commits, once
-- per transaction however many statements signalled it. The relay still looks every daas.outbox.relay.poll-interval
-- in case a notification is lost (listener reconnecting, another replica holding the relay lock).
create function outbox_event_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('daas_outbox_' || tg_table_schema, '');
    return null;
end;
$$;

create trigger outbox_event_notify after insert on outbox_event
    for each statement execute function outbox_event_notify();
