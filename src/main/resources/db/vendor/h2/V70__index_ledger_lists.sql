-- Ledger lists (see the PostgreSQL V70): H2 has neither partial nor trigram indexes. The date order of
-- the whole scope's list is served by a plain index; text search stays a LIKE scan (an H2 database
-- holds one county, not a province).
create index ix_ledger_record_live_date on ledger_record (occurred_on, id, unit_path);
create index ix_ledger_record_live_kind_date on ledger_record (kind, occurred_on, id, unit_path);
