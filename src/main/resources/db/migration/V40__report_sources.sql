-- A self-inspection report is written from a recorded self-inspection and cites a directive from
-- the ledger (issuer, title, 文号) instead of a typed number.
alter table report add column inspection_id bigint;
alter table report add column directive_record_id bigint;
