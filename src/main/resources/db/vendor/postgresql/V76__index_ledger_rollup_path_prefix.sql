-- As V32: outside the C locale a "unit_path like '/1/5/%'" prefix needs varchar_pattern_ops.
drop index ix_ledger_rollup_kind_path;
create index ix_ledger_rollup_kind_path on ledger_rollup (kind, measure, unit_path varchar_pattern_ops, month_key);
