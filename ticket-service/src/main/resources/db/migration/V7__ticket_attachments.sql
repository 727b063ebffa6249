-- Issue 13, step 5: files attached to a ticket (logs, photos). The bytes and their checksum are in the platform blob
-- store (table blob, V0_4); this row says which ticket, who and under what name. Written in the same transaction.
create table ticket_attachment (
    id          uuid primary key,
    ticket_id   uuid         not null references ticket (id),
    partner_id  varchar(64)  not null,
    blob_id     varchar(64)  not null references blob (id),
    file_name   varchar(200) not null,
    media_type  varchar(127) not null,
    size_bytes  bigint       not null,
    sha256      varchar(64)  not null,
    uploaded_by varchar(128) not null,
    uploaded_at timestamptz  not null
);
create index ticket_attachment_ticket on ticket_attachment (ticket_id, uploaded_at);
