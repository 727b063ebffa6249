-- Documents and software move to the platform blob store (service-platform V0_4, issue 13/15). Files stored before
-- were content-addressed under their SHA-256 on the filesystem: they keep that id, so the filesystem backend finds
-- them where they are; new files get UUID ids on whichever backend daas.blob.backend names.
alter table document add column blob_id varchar(64);

insert into blob (id, media_type, size_bytes, sha256, backend, created_at)
select distinct on (sha256) sha256, content_type, size_bytes, sha256, 'filesystem', created_at
from document
order by sha256, created_at;

update document set blob_id = sha256;
alter table document alter column blob_id set not null;
alter table document add constraint document_blob foreign key (blob_id) references blob (id);
