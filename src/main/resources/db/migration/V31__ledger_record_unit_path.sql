-- The path of the record's unit, kept by the ledger (set when the record is written, rewritten when
-- the org module reports that a unit moved). Subtree figures and lists then select records by
-- "unit_path like '/1/5/%'" without reading the org module's table, and a county's or province's
-- figures need no list of thousands of unit ids.
alter table ledger_record add column unit_path varchar(255);
update ledger_record set unit_path = (select u.path from org_unit u where u.id = ledger_record.org_unit_id);
alter table ledger_record alter column unit_path set not null;
create index ix_ledger_record_kind_path_date on ledger_record (kind, unit_path, occurred_on);
create index ix_ledger_record_path_date on ledger_record (unit_path, occurred_on, id);
