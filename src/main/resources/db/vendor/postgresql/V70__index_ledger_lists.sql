-- Ledger lists at province scale (issue 17; measurements in docs/performance.md, "Ledger lists at scale").
-- Keyset pages in (occurred_on desc, id desc) order of a large subtree (county, city, province) read
-- these backwards and filter on unit_path: a page costs ~page × (ledger / subtree) rows instead of a sort
-- of the whole subtree. Partial: deleted records are never listed there (the admin's deleted list is small).
create index ix_ledger_record_live_date on ledger_record (occurred_on, id) where deleted_at is null;
create index ix_ledger_record_live_kind_date on ledger_record (kind, occurred_on, id) where deleted_at is null;

-- Text search in title and notes ("lower(x) like '%text%'") through trigram indexes. The expressions must
-- stay those of LedgerStore's filter. pg_trgm ships with PostgreSQL (contrib); creating it needs a role that
-- may create extensions (the database owner on PostgreSQL 13+, where pg_trgm is a trusted extension) —
-- see docs/deployment.md. A text shorter than three characters has no trigram and is answered by the
-- other indexes (a scan of the subtree).
create extension if not exists pg_trgm;
create index ix_ledger_record_title_trgm on ledger_record using gin (lower(title) gin_trgm_ops);
create index ix_ledger_record_notes_trgm on ledger_record using gin (lower(notes) gin_trgm_ops);

-- The unit picker finds units by part of their name among a province's 34,000.
create index ix_org_unit_name_trgm on org_unit using gin (name gin_trgm_ops);
