-- Assessment figures look records up by the units of a township's subtree (a list of ids), one kind
-- and a date range. With the unit first, H2 turns the id list into index lookups; the existing
-- (kind, org_unit_id, ...) index let it use only the kind and read every record of the kind in the county.
create index ix_ledger_record_unit_kind_date on ledger_record (org_unit_id, kind, occurred_on);
