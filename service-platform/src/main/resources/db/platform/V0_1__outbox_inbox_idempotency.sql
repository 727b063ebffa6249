-- Platform tables present in every service's schema (shipped by service-platform, applied by Flyway before V1).

-- Transactional outbox. Column names follow Debezium's outbox event router (id, aggregatetype, aggregateid,
-- type, payload) so change-data-capture can replace the in-service relay without a migration.
create table outbox_event (
    id             uuid primary key,
    aggregatetype  varchar(64)  not null,
    aggregateid    varchar(128) not null,
    type           varchar(128) not null,
    payload        jsonb        not null,  -- the full event envelope, published as the Kafka record value
    topic          varchar(200) not null,
    schema_version int          not null,
    occurred_at    timestamptz  not null,
    seq            bigserial    not null,  -- relay order; follows lock order for one aggregate
    published_at   timestamptz,
    attempts       int          not null default 0,
    last_error     text
);
create index outbox_event_pending on outbox_event (seq) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

-- Idempotent consumers: one row per (consumer, event) applied, written in the same transaction as the effect.
create table inbox_event (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    event_type   varchar(128) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key on creating POSTs: the first response is stored and replayed for the same caller and key.
create table idempotency_key (
    caller          varchar(200) not null,
    idem_key        varchar(255) not null,
    request_hash    char(64)     not null,
    response_status int,          -- null only inside the creating transaction
    response_body   text,
    location        text,
    created_at      timestamptz  not null,
    expires_at      timestamptz  not null,
    primary key (caller, idem_key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);

-- Audit trail of state changes made by agents and admins (who, what, when, before/after).
create table audit_entry (
    id          uuid primary key,
    occurred_at timestamptz  not null,
    actor       varchar(200) not null,
    actor_role  varchar(32)  not null,
    action      varchar(100) not null,
    entity_type varchar(64)  not null,
    entity_id   varchar(128) not null,
    before_json jsonb,
    after_json  jsonb
);
create index audit_entry_entity on audit_entry (entity_type, entity_id);
create index audit_entry_time on audit_entry (occurred_at);
