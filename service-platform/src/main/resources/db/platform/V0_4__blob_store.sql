-- Blob store (service-platform com.poly.daas.platform.blob): one metadata row per stored file, written in the
-- transaction of the use case that stores it, so a rollback leaves no row. The bytes are where `backend` says:
-- 'filesystem' (a file named by the id under daas.blob.dir, removed after a rollback) or 'postgres' (blob_content,
-- same transaction). Switching daas.blob.backend changes where new files go; existing ones are read where they are.
create table blob (
    id          varchar(64)  primary key,           -- a UUID (or, for files stored before V0_4, their SHA-256)
    media_type  varchar(127) not null,              -- declared by the uploader, verified where the type has a signature
    size_bytes  bigint       not null check (size_bytes > 0),
    sha256      char(64)     not null,               -- computed while streaming, never taken from the client
    backend     varchar(16)  not null check (backend in ('filesystem', 'postgres')),
    created_at  timestamptz  not null
);

-- Bytes of blobs on the 'postgres' backend. One bytea per file, at most 25 MiB (docs/decisions.md, "Blob store"):
-- replicas share it, it is in the database's backups, and it commits or rolls back with the use case.
create table blob_content (
    blob_id varchar(64) primary key references blob (id) on delete cascade,
    content bytea       not null check (octet_length(content) between 1 and 26214400)
);
