-- Events a consumer could not apply yet (a missing fact, not poison): parked in arrival order and re-applied when
-- the consumer applies other events and periodically (InboundEvents). A row leaves the table once applied; a row
-- that turns out to be poison on re-apply stays with failed_at set, for an operator.
create table parked_event (
    consumer        varchar(100)  not null,
    event_id        uuid          not null,
    event_type      varchar(128)  not null,
    aggregate_id    varchar(128)  not null,
    envelope        text          not null,
    reason          text          not null,
    parked_at       timestamptz   not null,
    attempts        int           not null default 0,
    last_attempt_at timestamptz,
    failed_at       timestamptz,
    seq             bigserial     not null,
    primary key (consumer, event_id)
);
create index parked_event_pending on parked_event (consumer, seq) where failed_at is null;
create index parked_event_aggregate on parked_event (consumer, aggregate_id) where failed_at is null;
