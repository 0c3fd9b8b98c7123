-- The figures of a county or city for one kind and period that the rollups do not hold (media placements by
-- state or level, villages reached, opinion cases answered on time) read the kind's live records of the
-- subtree in the period. With (kind, occurred_on, ...) the scan covered the kind's records of the whole
-- province in the period and kept the county's; with the subtree before the date it covers the county's
-- records only, index-only (at 10 M records: 6 ms instead of 36 ms on the ledger side of a county's year of
-- media placements; docs/performance.md, "Province scale"). The same index answers the capped counts per
-- kind that ix_ledger_record_live_kind_path answered (its leading columns), so that one goes, and so does the
-- older non-partial (kind, unit_path, occurred_on), which nothing chooses over this one.
create index if not exists ix_ledger_record_live_kind_path_date
    on ledger_record (kind, unit_path varchar_pattern_ops, occurred_on, id) where deleted_at is null;
drop index if exists ix_ledger_record_live_kind_path;
drop index if exists ix_ledger_record_kind_path_date;
