-- Grows a Luoshi PostgreSQL database that already holds the demo data (start the application on it
-- once) to a province-sized org tree and :records ledger records, by SQL, for the measurements in
-- docs/performance.md ("Rollups and the county dashboard"). Run with
--   psql -v records=1000000 -d luoshi_rollups_big -f docs/bench/rollups-data.sql
-- then rebuild the rollups: java -jar luoshi.jar --spring.profiles.active=postgres --luoshi.ledger.rebuild-rollups
--
-- Tree: 75 counties (kind COUNTY, inserted below the demo county as the issue's measurement did,
-- since the tree has no tier above the county yet) x 20 townships x 20 villages.
-- Records: copies of the demo's own records (detail row and attendance included, so every kind and
-- sub-kind appears in the demo's proportions), each put in a random township or village of the whole
-- tree (the demo's townships included) on a random day of 2016-2025.
\set ON_ERROR_STOP on
set jit = off;
begin;
create temp table new_units (id bigint, parent_id bigint, kind text, name text, sort_order int);
do $$
declare
    root_id bigint := (select id from org_unit where parent_id is null);
    next_id bigint := (select max(id) from org_unit);
    c int; t int; v int; county_id bigint; township_id bigint;
begin
    for c in 1..75 loop
        next_id := next_id + 1; county_id := next_id;
        insert into new_units values (county_id, root_id, 'COUNTY', '测试' || c || '县', 100 + c);
        for t in 1..20 loop
            next_id := next_id + 1; township_id := next_id;
            insert into new_units values (township_id, county_id, 'TOWNSHIP', '测试' || c || '县' || t || '镇', t);
            for v in 1..20 loop
                next_id := next_id + 1;
                insert into new_units values (next_id, township_id, 'VILLAGE', '测试' || c || '县' || t || '镇' || v || '村', v);
            end loop;
        end loop;
    end loop;
end $$;
-- paths: parents come first in id order
insert into org_unit (id, parent_id, kind, name, path, registered_population, active, sort_order, created_at, updated_at, version)
select n.id, n.parent_id, n.kind, n.name, 'tmp' || n.id, case when n.kind = 'VILLAGE' then 800 end, true, n.sort_order, now(), now(), 0
from new_units n order by n.id;
update org_unit u set path = p.path || u.id || '/' from org_unit p, new_units n
    where n.id = u.id and n.kind = 'COUNTY' and p.id = u.parent_id;
update org_unit u set path = p.path || u.id || '/' from org_unit p, new_units n
    where n.id = u.id and n.kind = 'TOWNSHIP' and p.id = u.parent_id;
update org_unit u set path = p.path || u.id || '/' from org_unit p, new_units n
    where n.id = u.id and n.kind = 'VILLAGE' and p.id = u.parent_id;
select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit));

create temp table targets as
    select row_number() over (order by id) as n, id, path from org_unit where kind in ('TOWNSHIP', 'VILLAGE') and active;
create temp table templates as
    select row_number() over (order by id) as n, id, kind, title from ledger_record where deleted_at is null;
select count(*) as template_count from templates \gset
select count(*) as target_count from targets \gset
select max(id) as max_record from ledger_record \gset
create temp table gen as
    select :max_record + g as id, 1 + floor(random() * :template_count)::int as tpl_n,
           1 + floor(random() * :target_count)::int as target,
           date '2016-01-01' + floor(random() * 3652)::int as occurred_on
    from generate_series(1, :records) g;
alter table gen add column tpl bigint;
update gen set tpl = t.id from templates t where t.n = gen.tpl_n;
create index on gen (tpl);
insert into ledger_record (id, org_unit_id, unit_path, kind, occurred_on, title, recorded_at, recorded_by, late, version)
select g.id, u.id, u.path, t.kind, g.occurred_on, t.title, now(), 'bench', false, 0
from gen g join templates t on t.id = g.tpl join targets u on u.n = g.target;
select setval(pg_get_serial_sequence('ledger_record', 'id'), (select max(id) from ledger_record));
do $$
declare
    k record; cols text;
begin
    for k in select distinct t.kind, ('ledger_' || lower(t.kind)) as tbl from templates t loop
        select string_agg(quote_ident(column_name), ', ' order by ordinal_position) into cols
            from information_schema.columns where table_name = k.tbl and column_name <> 'record_id';
        execute format('insert into %I (record_id%s) select g.id%s from gen g join %I d on d.record_id = g.tpl',
            k.tbl, coalesce(', ' || cols, ''), coalesce(', ' || regexp_replace(cols, '([a-z0-9_"]+)', 'd.\1', 'g'), ''), k.tbl);
    end loop;
end $$;
insert into study_attendance (record_id, person_id, status, leave_reason, spoke, notes_submitted)
select g.id, a.person_id, a.status, a.leave_reason, a.spoke, a.notes_submitted from gen g join study_attendance a on a.record_id = g.tpl;
commit;
analyze;
