-- Issue 12 (B1, B3, P4): numbered and final invoices, per-contract runs, corrections of late facts.

-- The issuing entity (NA or EMEA, from the customer's country, P2) and the contract's own termination day: a
-- terminated contract stops its devices' billing, an expired one does not (devices delivered after activation keep
-- their full period, P3).
alter table billing_contract add column issuing_entity varchar(8);
alter table billing_contract add column terminated_on date;
update billing_contract set terminated_on = ended_on where end_reason like 'TERMINATED%';
update billing_contract set issuing_entity = case when customer_country in ('US', 'CA', 'MX') then 'NA' else 'EMEA' end
    where customer_country is not null;

-- P4: a replacement takes over its original's billing from the day it ships. Late facts (a delivery date reported,
-- a backdated end) mark the first day whose billing may have changed; the next run re-prices the months already
-- settled from that day and bills the difference as ADJUSTMENT lines.
alter table billable_device add column replaces_serial varchar(40);
alter table billable_device add column recheck_from date;
alter table billable_device add column recheck_reason varchar(200);
create index billable_device_to_recheck on billable_device (contract_id) where recheck_from is not null;
create index billable_device_period on billable_device (coverage_start, contract_id);

-- B1: gap-free numbers per issuing entity and year, allocated from a counter row locked in the issuing transaction.
create table invoice_number_counter (
    issuing_entity    varchar(8)  not null,
    year              int         not null,
    last_number       int         not null,
    primary key (issuing_entity, year)
);

alter table invoice add column number varchar(32);
alter table invoice add column issuing_entity varchar(8);
alter table invoice add column document_type varchar(16) not null default 'INVOICE';
alter table invoice add column issued_on date;

alter table invoice_line add column line_no int;
alter table invoice_line add column service_month varchar(7);
alter table invoice_line add column corrects_month varchar(7);
alter table invoice_line add column note varchar(500);
update invoice_line l set service_month = i.month, rule_ids = coalesce(l.rule_ids, 'B1')
    from invoice i where i.id = l.invoice_id and l.kind = 'DEVICE';

-- Invoices issued before numbers existed are numbered now, in issue order, per entity and year.
update invoice i set issuing_entity = coalesce(c.issuing_entity, 'NA') from billing_contract c where c.contract_id = i.contract_id;
update invoice set issuing_entity = 'NA' where issuing_entity is null;
update invoice set issued_on = (issued_at at time zone 'UTC')::date;
update invoice i set number = n.number from (
    select id, issuing_entity || '-' || extract(year from issued_on)::int || '-'
               || lpad((row_number() over (partition by issuing_entity, extract(year from issued_on) order by issued_at, id))::text, 6, '0') as number
    from invoice) n where n.id = i.id;
insert into invoice_number_counter (issuing_entity, year, last_number)
    select issuing_entity, extract(year from issued_on)::int, count(*) from invoice group by 1, 2;
with numbered as (select id, row_number() over (partition by invoice_id order by kind, serial, id) as n from invoice_line)
update invoice_line l set line_no = numbered.n from numbered where numbered.id = l.id;

alter table invoice alter column number set not null;
alter table invoice alter column issuing_entity set not null;
alter table invoice alter column issued_on set not null;
alter table invoice add constraint invoice_number_once unique (number);
create index invoice_by_month on invoice (month, partner_id, number);
create index invoice_line_of_serial on invoice_line (serial, service_month);
create index invoice_line_corrects on invoice_line (corrects_month) where corrects_month is not null;

-- B1: an issued invoice never changes; corrections are lines on a later invoice (or a credit note, same sequence).
create function invoice_is_final() returns trigger language plpgsql as $$
begin
    raise exception 'an issued invoice never changes (B1): % on % refused', tg_op, tg_table_name;
end $$;
create trigger invoice_is_final before update or delete on invoice for each row execute function invoice_is_final();
create trigger invoice_line_is_final before update or delete on invoice_line for each row execute function invoice_is_final();

-- Runs: scheduled (first business day of the month, per issuing entity) or on demand; each contract commits on its
-- own. invoice_run_contract is the month's work list and each contract's outcome: one row per (contract, month),
-- claimed with FOR UPDATE SKIP LOCKED, so re-runs and concurrent replicas settle each contract once.
alter table invoice_run add column issuing_entity varchar(8);
alter table invoice_run add column run_trigger varchar(16) not null default 'ON_DEMAND';
alter table invoice_run add column status varchar(16) not null default 'COMPLETED';
alter table invoice_run add column finished_at timestamptz;
create unique index invoice_run_scheduled_once on invoice_run (month, issuing_entity) where run_trigger = 'SCHEDULED';
create index invoice_run_running on invoice_run (status) where status = 'RUNNING';

create table invoice_run_contract (
    contract_id       varchar(64)  not null,
    month             varchar(7)   not null,
    partner_id        varchar(64)  not null,
    issuing_entity    varchar(8)   not null,
    run_id            uuid         not null references invoice_run (id),
    status            varchar(16)  not null,
    invoice_id        uuid,
    invoice_number    varchar(32),
    detail            varchar(1000),
    attempts          int          not null default 0,
    updated_at        timestamptz  not null,
    primary key (contract_id, month)
);
create index invoice_run_contract_pending on invoice_run_contract (month, issuing_entity, contract_id) where status = 'PENDING';
create index invoice_run_contract_of_run on invoice_run_contract (run_id, contract_id);
-- earlier runs' contracts are settled
insert into invoice_run_contract (contract_id, month, partner_id, issuing_entity, run_id, status, invoice_id, invoice_number, updated_at)
    select contract_id, month, partner_id, issuing_entity, run_id, 'INVOICED', id, number, issued_at from invoice;
