-- Monthly rollups of the work ledger: per unit × kind × sub-kind × month, one row per measure
-- ('@records', '@listed', '@present', '@spoke', or the name of a numeric field of the kind). Figures
-- above the township level (a county's or a province's dashboards and rankings) add these up instead
-- of reading millions of records. The ledger keeps them in the same transaction as each write
-- (LedgerRollups); a rebuild recomputes them from the records, e.g. after loading data by SQL.
create table ledger_rollup (
    org_unit_id bigint        not null,
    unit_path   varchar(255)  not null,
    kind        varchar(32)   not null,
    -- '' for a kind without sub-kinds, so that the key has no null
    sub_kind    varchar(64)   not null,
    -- year * 100 + month, e.g. 202603
    month_key   integer       not null,
    measure     varchar(64)   not null,
    total       numeric(20, 4) not null,
    constraint pk_ledger_rollup primary key (org_unit_id, kind, sub_kind, month_key, measure)
);
create index ix_ledger_rollup_kind_path on ledger_rollup (kind, measure, unit_path, month_key);

-- When the rollups were last rebuilt from the records (null: never; the first start-up builds them).
create table ledger_rollup_state (
    id          integer       not null primary key,
    rebuilt_at  timestamp with time zone,
    rebuilt_by  varchar(50)
);
insert into ledger_rollup_state (id, rebuilt_at, rebuilt_by) values (1, null, null);
