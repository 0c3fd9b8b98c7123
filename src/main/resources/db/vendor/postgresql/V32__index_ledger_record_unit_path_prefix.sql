-- Outside the C locale PostgreSQL uses an index for "unit_path like '/1/5/%'" only with
-- varchar_pattern_ops (see V30); these replace the plain ones of V31 for PostgreSQL.
drop index ix_ledger_record_kind_path_date;
drop index ix_ledger_record_path_date;
create index ix_ledger_record_kind_path_date on ledger_record (kind, unit_path varchar_pattern_ops, occurred_on);
create index ix_ledger_record_path_date on ledger_record (unit_path varchar_pattern_ops, occurred_on, id);
