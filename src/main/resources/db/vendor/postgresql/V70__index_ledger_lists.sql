-- Ledger lists at province scale (issue 17; measurements in docs/performance.md, "Ledger lists at scale").
-- Keyset pages in (occurred_on desc, id desc) order of a large subtree (county, city, province) read
-- these backwards instead of sorting the whole subtree. unit_path is the last key column: the subtree's
-- "unit_path like '/1/5/%'" becomes a range checked on the index entries, so rows of other counties are
-- skipped without reading the table (a county page: 0.3 ms instead of 21 ms with unit_path outside the
-- index, at 3 M records). Partial: lists show undeleted records (the admin's deleted list is small).
create index if not exists ix_ledger_record_live_date on ledger_record (occurred_on, id, unit_path varchar_pattern_ops)
    where deleted_at is null;
create index if not exists ix_ledger_record_live_kind_date on ledger_record (kind, occurred_on, id, unit_path varchar_pattern_ops)
    where deleted_at is null;
-- The lists' counts per kind, capped ("1000+"): each kind's count up to the cap is an index-only range
-- of (kind, subtree) whatever the tier.
create index if not exists ix_ledger_record_live_kind_path on ledger_record (kind, unit_path varchar_pattern_ops)
    where deleted_at is null;

-- Text search in title and notes ("lower(x) like '%text%'") through trigram indexes. The expressions must
-- stay those of LedgerStore's filter. pg_trgm ships with PostgreSQL (contrib); creating it needs a role that
-- may create extensions (the database owner on PostgreSQL 13+, where pg_trgm is a trusted extension) —
-- see docs/deployment.md. A text shorter than three characters has no trigram and is answered by the
-- other indexes (a scan of the subtree).
create extension if not exists pg_trgm;
create index if not exists ix_ledger_record_title_trgm on ledger_record using gin (lower(title) gin_trgm_ops);
create index if not exists ix_ledger_record_notes_trgm on ledger_record using gin (lower(notes) gin_trgm_ops);

-- The unit picker finds units by part of their name among a province's 34,000.
create index if not exists ix_org_unit_name_trgm on org_unit using gin (name gin_trgm_ops);
