-- Ledger-list benchmark data (issue 17): an org tree of 1 province-like root, 75 counties,
-- 1,500 townships and 30,000 villages, and :rows ledger records (default 3,000,000) over ten
-- years, half kept by townships and half by villages. Common rows only (the lists read no
-- detail rows for the query itself). Run on an EMPTY database that has the app's migrations:
--   psql -h 127.0.0.1 -U postgres -d luoshi_lists_big -v rows=3000000 -f bench/ledger-lists.sql
\set ON_ERROR_STOP on
\if :{?rows}
\else
  \set rows 3000000
\endif
begin;
-- the root keeps id 1; counties 2..76; townships 77..1576; villages 1577..31576
insert into org_unit (id, parent_id, kind, name, path, created_at, updated_at)
values (1, null, 'COUNTY', '测试省', '/1/', now(), now());
insert into org_unit (id, parent_id, kind, name, path, created_at, updated_at)
select 1 + c, 1, 'COUNTY', '第' || c || '县', '/1/' || (1 + c) || '/', now(), now() from generate_series(1, 75) c;
insert into org_unit (id, parent_id, kind, name, path, created_at, updated_at)
select 76 + t, 2 + (t - 1) / 20, 'TOWNSHIP', '第' || t || '镇', '/1/' || (2 + (t - 1) / 20) || '/' || (76 + t) || '/', now(), now()
from generate_series(1, 1500) t;
insert into org_unit (id, parent_id, kind, name, path, created_at, updated_at)
select 1576 + v, 77 + (v - 1) / 20, 'VILLAGE', '第' || v || '村',
       '/1/' || (2 + (v - 1) / 400) || '/' || (77 + (v - 1) / 20) || '/' || (1576 + v) || '/', now(), now()
from generate_series(1, 30000) v;
select setval(pg_get_serial_sequence('org_unit', 'id'), 40000);
commit;

-- Records: row n belongs to township (n / 2) % 1500; odd rows go to one of its 20 villages.
-- Titles are drawn from a few dozen phrases so that text search has common and rare words.
insert into ledger_record (org_unit_id, unit_path, kind, occurred_on, title, notes, recorded_at, recorded_by, late, version)
select u.id, u.path, k.kinds[1 + (n / 7) % 16],
       date '2016-01-01' + (n::bigint * 7919 % 3653)::int,
       (array['理论学习中心组集中学习','意识形态工作专题研究','网络舆情研判会','新时代文明实践志愿服务','农家书屋阅读推广',
              '村村响广播检修','宣讲团进村宣讲','星级文明户评选','移风易俗宣传','乡村振兴主题党课'])[1 + n % 10]
         || '（第' || (n % 97) || '期）',
       case when n % 1000 = 0 then '学习贯彻稀有关键词精神' else '按计划开展，参加人员签到，材料归档' end,
       now(), 'bench', n % 13 = 0, 0
from generate_series(1, :rows) n
cross join (select array['DIRECTIVE','REGULATION','MEETING','STUDY_SESSION','MEDIA_PLACEMENT','NEW_MEDIA_OUTPUT',
                         'OUTREACH','OPINION_CASE','VENUE','VENUE_CHECK','ACTIVITY','VOLUNTEER_TEAM',
                         'VOLUNTEER_SERVICE','AWARD','PUBLICITY_MATERIAL','CULTURE_TEAM'] as kinds) k
join org_unit u on u.id = case when n % 2 = 0 then 77 + (n / 2) % 1500 else 1577 + ((n / 2) % 1500) * 20 + (n / 3000) % 20 end;
-- a few deleted records, as in real use
update ledger_record set deleted_at = now(), deleted_by = 'bench', delete_reason = '重复' where id % 500 = 0;
vacuum analyze org_unit;
vacuum analyze ledger_record;

-- With -v explain=1: the list queries of docs/performance.md ("Ledger lists at scale") for the root
-- (/1/), a county (/1/2/) and a township (/1/2/77/, 21 units), as the application sends them.
\if :{?explain}
set jit = off;
explain (analyze, buffers) select * from ledger_record r where r.deleted_at is null and r.unit_path like '/1/%'
  order by r.occurred_on desc, r.id desc limit 21;
explain (analyze, buffers) select * from ledger_record r where r.deleted_at is null and r.unit_path like '/1/2/%'
  and r.occurred_on <= '2025-07-02' and (r.occurred_on < '2025-07-02' or (r.occurred_on = '2025-07-02' and r.id < 772422))
  order by r.occurred_on desc, r.id desc limit 21;
explain (analyze, buffers) select * from ledger_record r where r.deleted_at is null and r.unit_path like '/1/2/%'
  and r.kind = 'MEETING' and r.occurred_on >= '2020-01-01' and r.occurred_on <= '2020-12-31'
  order by r.occurred_on desc, r.id desc limit 21;
explain (analyze, buffers) select r.* from unnest((select array_agg(id) from org_unit where path like '/1/2/77/%')) as u(id)
  cross join lateral (select * from ledger_record r where r.deleted_at is null and r.org_unit_id = u.id
  order by r.occurred_on desc, r.id desc limit 21) r order by r.occurred_on desc, r.id desc limit 21;
explain (analyze, buffers) select count(*) from (select 1 from ledger_record r where r.deleted_at is null
  and r.unit_path like '/1/%' and r.kind = 'MEETING' limit 1001) c;
explain (analyze, buffers) select * from ledger_record r where r.deleted_at is null and r.unit_path like '/1/2/%'
  and (lower(r.title) like '%稀有关键词%' or lower(r.notes) like '%稀有关键词%') order by r.occurred_on desc, r.id desc limit 21;
\endif
