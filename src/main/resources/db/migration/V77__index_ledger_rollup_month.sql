-- A province's or city's figures match almost every unit path, so the path index of V75/V76 does not
-- narrow them; the month does. Measured on 1 M records (docs/performance.md, "Rollups and the county
-- dashboard"): a sub-kind's cells of a year for the whole tree 348 ms -> 18 ms, records per kind and
-- month of a year 200 ms -> 129 ms.
create index ix_ledger_rollup_kind_month on ledger_rollup (kind, measure, month_key, sub_kind);
create index ix_ledger_rollup_measure_month on ledger_rollup (measure, month_key);
