-- The province's org tree under the root unit that the application's first start created (FirstAdministrator).
-- psql variables: cities, counties, townships_per_county, villages_per_township, root_kind, city_kind, county_kind.
-- Ids are explicit so that the ledger generator can compute a unit from a record number without a lookup:
--   city k: 10 + k (k <= 89), county c: 100 + c (c <= 899), township t: 1000 + t (t <= 8999),
--   village v of township t: 10000 + (t - 1) * villages_per_township + v, person p of township t: 100000 + (t - 1) * 12 + p.
-- With cities = 0 and root_kind COUNTY the counties hang directly under the root (the measurement before the
-- tiers existed).
\set ON_ERROR_STOP on
set synchronous_commit = off;

create temp table bench_root as select id, path from org_unit where parent_id is null order by id limit 1;
update org_unit set kind = :'root_kind', name = '基准省（' || :'root_kind' || '）', updated_at = now()
 where id = (select id from bench_root);

insert into org_unit (id, parent_id, kind, name, code, path, registered_population, active, sort_order, created_at, updated_at)
select 10 + k, r.id, :'city_kind', format('第%s市', lpad(k::text, 2, '0')), format('C%s', lpad(k::text, 2, '0')),
       r.path || (10 + k) || '/', null, true, k, now(), now()
  from bench_root r, generate_series(1, :cities) k;

create temp table bench_county as
select c, 100 + c as id,
       case when :cities > 0 then 10 + ((c - 1) % greatest(:cities, 1)) + 1 else r.id end as parent_id,
       case when :cities > 0 then r.path || (10 + ((c - 1) % greatest(:cities, 1)) + 1) || '/' else r.path end
           || (100 + c) || '/' as path
  from bench_root r, generate_series(1, :counties) c;
insert into org_unit (id, parent_id, kind, name, code, path, registered_population, active, sort_order, created_at, updated_at)
select id, parent_id, :'county_kind', format('第%s县', lpad(c::text, 2, '0')), format('X%s', lpad(c::text, 2, '0')),
       path, 300000, true, c, now(), now()
  from bench_county;

-- township t (1-based over the whole province) lies in county (t - 1) / townships_per_county + 1
create table bench_township as
select t, 1000 + t as id, c.id as county_id, c.path || (1000 + t) || '/' as path,
       format('%s县%s镇', lpad(c.c::text, 2, '0'), lpad((((t - 1) % :townships_per_county) + 1)::text, 2, '0')) as name
  from generate_series(1, :counties * :townships_per_county) t
  join bench_county c on c.c = (t - 1) / :townships_per_county + 1;
insert into org_unit (id, parent_id, kind, name, code, path, registered_population, active, sort_order, created_at, updated_at)
select id, county_id, 'TOWNSHIP', name, format('T%s', t), path, 30000, true, t, now(), now() from bench_township;

insert into org_unit (id, parent_id, kind, name, code, path, registered_population, active, sort_order, created_at, updated_at)
select 10000 + (w.t - 1) * :villages_per_township + v, w.id, 'VILLAGE', w.name || lpad(v::text, 2, '0') || '村',
       format('V%s-%s', w.t, v), w.path || (10000 + (w.t - 1) * :villages_per_township + v) || '/', 1500, true, v, now(), now()
  from bench_township w, generate_series(1, :villages_per_township) v;

select setval(pg_get_serial_sequence('org_unit', 'id'), (select max(id) from org_unit));

-- 12 cadres per township, each holding one post since the start of the ten years: attendance rows,
-- meeting chairs and the leading group's seats need them.
insert into person (id, org_unit_id, name, gender, phone, active, created_at, updated_at)
select 100000 + (w.t - 1) * 12 + p, w.id, w.name || '干部' || p, case when p % 3 = 0 then 'FEMALE' else 'MALE' end,
       null, true, now(), now()
  from bench_township w, generate_series(1, 12) p;
insert into post (id, org_unit_id, title, kind, active, sort_order, created_at, updated_at)
select 100000 + (w.t - 1) * 12 + p, w.id,
       (array['党委书记','镇长','宣传委员','组织委员','纪委书记','副镇长','宣传干事','党政办主任',
              '文化站长','综治办主任','团委书记','妇联主席'])[p],
       (array['SECRETARY','HEAD','PROPAGANDA_MEMBER','LEADERSHIP_MEMBER','LEADERSHIP_MEMBER','DEPUTY_SECRETARY','PROPAGANDA_OFFICER',
               'DEPARTMENT_HEAD','CULTURE_STATION_HEAD','DEPARTMENT_HEAD','PROPAGANDIST','PROPAGANDIST'])[p],
       true, p, now(), now()
  from bench_township w, generate_series(1, 12) p;
insert into post_holding (post_id, person_id, start_date, created_at)
select id, id, (now() at time zone 'Asia/Shanghai')::date - 3700, now() from post where id >= 100000;
select setval(pg_get_serial_sequence('person', 'id'), (select max(id) from person));
select setval(pg_get_serial_sequence('post', 'id'), (select max(id) from post));
