-- The ledger: :records records of all kinds with their detail rows, attendance and attachment metadata (no
-- files), spread evenly over the townships (bench_township, see org.sql) and over the ten years ending today.
-- Record g (its id) belongs to township ((g - 1) % T) + 1 and is that township's k-th record, k = (g - 1) / T;
-- its date advances with k, so each township's records run from ten years ago to today. A third are kept by
-- a village of the township. Everything else derives from g by fixed arithmetic: the same N gives the same data.
\set ON_ERROR_STOP on
set synchronous_commit = off;
set maintenance_work_mem = '512MB';
set work_mem = '64MB';
-- no foreign-key triggers while loading: every reference is made consistent by construction. The application's
-- tables stay logged: "alter table ... set logged" after the load would write the whole table to the WAL again.
set session_replication_role = replica;

-- Secondary indexes of the ledger tables go before the load and come back after it, as the migrations made them.
create temp table bench_index as
select schemaname, indexname, indexdef from pg_indexes
 where schemaname = current_schema()
   and (tablename like 'ledger%' or tablename in ('study_attendance', 'attachment'))
   and indexname not in (select conname from pg_constraint);
select format('drop index %I', indexname) from bench_index \gexec

create temp table bench_kind as
select array_agg(kind order by n) as kinds from (
    select kind, row_number() over () as n
      from (values ('DIRECTIVE', 80), ('REGULATION', 30), ('MEETING', 90), ('STUDY_SESSION', 140),
                   ('MEDIA_PLACEMENT', 150), ('NEW_MEDIA_OUTPUT', 60), ('OUTREACH', 90), ('OPINION_CASE', 30),
                   ('VENUE', 20), ('VENUE_CHECK', 80), ('ACTIVITY', 110), ('VOLUNTEER_TEAM', 10),
                   ('VOLUNTEER_SERVICE', 60), ('AWARD', 20), ('PUBLICITY_MATERIAL', 20), ('CULTURE_TEAM', 10)) w(kind, weight),
           generate_series(1, weight)) x;

\set today '((now() at time zone ''Asia/Shanghai'')::date)'
select count(*) as townships from bench_township \gset
select (:records + :townships - 1) / :townships as per_township \gset

insert into ledger_record (id, org_unit_id, kind, occurred_on, occurred_until, title, notes, tags, recorded_at, recorded_by,
                           late, version, unit_path)
select g, unit_id, kind, occurred_on, null,
       (array['学习贯彻党的二十大精神', '意识形态工作专题研究', '网络舆情研判', '新时代文明实践活动', '理论宣讲进村入户',
              '农家书屋借阅', '文化广场演出', '志愿服务进社区', '扫黄打非专项检查', '移风易俗宣传',
              '主题党日学习', '宣传栏更新', '好人好事评选', '乡村振兴宣讲', '法治宣传教育',
              '民族团结进步宣传', '安全生产宣传', '防汛宣传动员', '公众号推送', '文艺汇演'])[1 + (g * 7 % 20)::int]
           || '（第' || k + 1 || '期）',
       case when g % 2 = 0 then '按照上级部署，结合本地实际开展，参加人员认真学习并形成记录。编号' || g end,
       case when g % 10 = 0 then ',重点工作,' when g % 10 = 1 then ',上级督办,' end,
       (occurred_on + case when g % 50 = 0 then 40 else 1 end + time '10:00') at time zone 'Asia/Shanghai', 'seed',
       g % 50 = 0, 0, unit_path
  from (
    select g, k, w.id as township_id,
           case when kind_pick in ('VENUE_CHECK', 'VOLUNTEER_SERVICE', 'MEETING', 'STUDY_SESSION', 'DIRECTIVE', 'REGULATION')
                  or g % 3 <> 0 then w.id
                else 10000 + (w.t - 1) * :villages_per_township + (g / 3 % :villages_per_township) + 1 end as unit_id,
           case when kind_pick in ('VENUE_CHECK', 'VOLUNTEER_SERVICE', 'MEETING', 'STUDY_SESSION', 'DIRECTIVE', 'REGULATION')
                  or g % 3 <> 0 then w.path
                else w.path || (10000 + (w.t - 1) * :villages_per_township + (g / 3 % :villages_per_township) + 1) || '/' end
               as unit_path,
           kind_pick as kind,
           :today - 3650 + (k * 3650 / :per_township)::int as occurred_on
      from (select g, (g - 1) % :townships + 1 as t, (g - 1) / :townships as k,
                   -- each township's first record is a venue and its second a volunteer team: checks and services refer to them
                   case (g - 1) / :townships when 0 then 'VENUE' when 1 then 'VOLUNTEER_TEAM'
                        else (select kinds from bench_kind)[1 + (g * 2654435761 % 1000)::int] end as kind_pick
              from generate_series(1, :records) g) s
      join bench_township w on w.t = s.t
  ) r;
select setval(pg_get_serial_sequence('ledger_record', 'id'), (select max(id) from ledger_record));

-- the township of each record, for the references that must stay within it
create temp table bench_ref as
select r.id, r.kind, (r.id - 1) % :townships + 1 as t,
       row_number() over (partition by r.kind, (r.id - 1) % :townships order by r.id) as n
  from ledger_record r where r.kind in ('VENUE', 'VOLUNTEER_TEAM', 'DIRECTIVE');
create index on bench_ref (kind, t, n);
analyze bench_ref;
create temp table bench_ref_count as select kind, t, max(n) as c from bench_ref group by kind, t;
create index on bench_ref_count (kind, t);

insert into ledger_directive (record_id, issuer, doc_number, requirements)
select id, (array['县委宣传部', '县委办公室', '市委宣传部', '县委网信办'])[1 + id % 4],
       case when id % 5 <> 0 then format('县宣发〔%s〕%s号', extract(year from occurred_on), 1 + id % 300) end,
       '传达学习，结合实际抓好落实，按时报送进展情况。'
  from ledger_record where kind = 'DIRECTIVE';
insert into ledger_regulation (record_id, sub_kind, issued_by, doc_number, summary)
select id, (array['IMPLEMENTATION_PLAN', 'RULES', 'STUDY_PLAN', 'WORK_PLAN', 'OTHER'])[1 + id % 5], '镇党委',
       case when id % 2 = 0 then format('镇委发〔%s〕%s号', extract(year from occurred_on), 1 + id % 90) end, '本级实施方案'
  from ledger_record where kind = 'REGULATION';
insert into ledger_meeting (record_id, sub_kind, chair_id, topics, decisions, minutes, directive_id)
select r.id, (array['THEMATIC', 'ANALYSIS', 'JOINT', 'CADRE_ASSEMBLY', 'OTHER'])[1 + r.id % 5],
       100000 + ((r.id - 1) % :townships) * 12 + 1, '研究意识形态工作；分析研判舆情形势', '明确分工，限期落实', null,
       d.id
  from ledger_record r
  left join bench_ref_count c on c.kind = 'DIRECTIVE' and c.t = (r.id - 1) % :townships + 1 and r.id % 4 = 0
  left join bench_ref d on d.kind = 'DIRECTIVE' and d.t = c.t and d.n = 1 + r.id % c.c
 where r.kind = 'MEETING';
insert into ledger_study_session (record_id, sub_kind, topic, materials, speakers, directive_id, eligible_count, trained_count)
select id, (array['CENTRAL_GROUP', 'SEMINAR', 'PARTY_LECTURE', 'THREE_MEETINGS', 'REMOTE', 'CADRE_STUDY'])[1 + id % 6],
       '习近平新时代中国特色社会主义思想', '学习材料汇编', '党委书记', null,
       case when id % 4 = 0 then 40 end, case when id % 4 = 0 then 30 + id % 11 end
  from ledger_record where kind = 'STUDY_SESSION';
insert into ledger_media_placement (record_id, outlet, level, medium, link, merged, article_count, state, party_paper)
select id, (array['人民日报', '省日报', '市日报', '县融媒体中心', '学习强国'])[1 + id % 5],
       (array['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY'])[1 + id % 4],
       (array['PRINT', 'NEW_MEDIA', 'TV_RADIO', 'PLATFORM'])[1 + id / 4 % 4], null, false, 1 + id % 3,
       (array['SUBMITTED', 'ADOPTED', 'PUBLISHED', 'PUBLISHED'])[1 + id / 16 % 4], id % 7 = 0
  from ledger_record where kind = 'MEDIA_PLACEMENT';
insert into ledger_new_media_output (record_id, account, platform, posts)
select id, '镇公众号', (array['WECHAT_OA', 'VIDEO_CHANNEL', 'DOUYIN', 'WEIBO', 'OTHER'])[1 + id % 5], 5 + id % 30
  from ledger_record where kind = 'NEW_MEDIA_OUTPUT';
insert into ledger_outreach (record_id, lecturers, village_id, audience)
select id, '宣讲团成员', case when org_unit_id >= 10000 then org_unit_id end, 30 + id % 120
  from ledger_record where kind = 'OUTREACH';
insert into ledger_opinion_case (record_id, channel, category, level, response, closed_on, on_time)
select id, (array['微博', '抖音', '微信群', '12345热线'])[1 + id % 4], (array['民生', '环境', '安全', '其他'])[1 + id / 4 % 4],
       (array['GENERAL', 'GENERAL', 'SERIOUS', 'MAJOR'])[1 + id % 4], '及时回应并处置',
       case when id % 10 <> 0 then occurred_on + 3 end, case when id % 10 <> 0 then id % 8 <> 0 end
  from ledger_record where kind = 'OPINION_CASE';
insert into ledger_venue (record_id, sub_kind, village_id, location, manager)
select id, (array['CULTURE_STATION', 'LIBRARY', 'BROADCAST', 'SQUARE', 'PRACTICE_CENTER', 'LED_SCREEN', 'BULLETIN_BOARD',
                  'WEBSITE', 'WECHAT', 'OTHER'])[1 + id % 10],
       case when org_unit_id >= 10000 then org_unit_id end, '村委会旁', '管理员'
  from ledger_record where kind = 'VENUE';
insert into ledger_venue_check (record_id, venue_id, state, visitors, books_lent, faults_found, faults_fixed,
                                fault_description, groups_received, bookings)
select r.id, v.id, (array['GOOD', 'GOOD', 'GOOD', 'NEEDS_REPAIR', 'OUT_OF_SERVICE'])[1 + r.id % 5], 20 + r.id % 200,
       r.id % 40, r.id % 3, r.id % 3 - r.id % 2 * (r.id % 3 > 0)::int, null, r.id % 4, r.id % 6
  from ledger_record r
  join bench_ref_count c on c.kind = 'VENUE' and c.t = (r.id - 1) % :townships + 1
  join bench_ref v on v.kind = 'VENUE' and v.t = c.t and v.n = 1 + r.id % c.c
 where r.kind = 'VENUE_CHECK';
insert into ledger_activity (record_id, sub_kind, organiser, participants, sessions, establishments_checked, inspector_times)
select id, (array['CULTURE', 'SPORTS', 'FESTIVAL', 'READING', 'THREE_TO_COUNTRYSIDE', 'ANTI_PORN', 'CULTURE_MARKET', 'OTHER'])[1 + id % 8],
       '镇文化站', 50 + id % 400, 1 + id % 3,
       case when id % 8 in (5, 6) then 3 + id % 10 end, case when id % 8 in (5, 6) then 4 + id % 12 end
  from ledger_record where kind = 'ACTIVITY';
insert into ledger_volunteer_team (record_id, theme, village_id, members, leader, registered_volunteers)
select id, '新时代文明实践志愿服务', case when org_unit_id >= 10000 then org_unit_id end, 10 + id % 50, '队长', 5 + id % 30
  from ledger_record where kind = 'VOLUNTEER_TEAM';
insert into ledger_volunteer_service (record_id, team_id, volunteers, hours, beneficiaries)
select r.id, v.id, 5 + r.id % 20, (10 + r.id % 40) / 2.0, 20 + r.id % 200
  from ledger_record r
  join bench_ref_count c on c.kind = 'VOLUNTEER_TEAM' and c.t = (r.id - 1) % :townships + 1
  join bench_ref v on v.kind = 'VOLUNTEER_TEAM' and v.t = c.t and v.n = 1 + r.id % c.c
 where r.kind = 'VOLUNTEER_SERVICE';
insert into ledger_award (record_id, sub_kind, level, programme, awardee_name, awardee_unit, direction)
select id, (array['STAR_FAMILY', 'GOOD_PERSON', 'GOOD_FAMILY_MEMBER', 'BEAUTIFUL_FAMILY', 'CIVILIZED_UNIT', 'OTHER'])[1 + id % 6],
       (array['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY', 'TOWNSHIP'])[1 + id % 5], '年度评选', '获奖人' || id % 1000, null,
       case when id % 3 = 0 then 'GIVEN' else 'RECEIVED' end
  from ledger_record where kind = 'AWARD';
insert into ledger_publicity_material (record_id, sub_kind, quantity, cost)
select id, (array['WALL_SLOGAN', 'SLOGAN', 'BANNER', 'LEAFLET', 'BILLBOARD', 'PUBLICATION', 'OTHER_SPENDING'])[1 + id % 7],
       10 + id % 500, (100 + id % 5000) / 1.0
  from ledger_record where kind = 'PUBLICITY_MATERIAL';
insert into ledger_culture_team (record_id, sub_kind, village_id, members, leader)
select id, (array['ART_TROUPE', 'SPORTS_TEAM', 'LECTURE_TEAM', 'COMMENTATOR_TEAM', 'CIVIC_COUNCIL', 'OTHER'])[1 + id % 6],
       case when org_unit_id >= 10000 then org_unit_id end, 8 + id % 40, '队长'
  from ledger_record where kind = 'CULTURE_TEAM';

-- Attendance of meetings and studies: 8 of the township's 12 cadres, mostly present.
insert into study_attendance (record_id, person_id, status, leave_reason, spoke, notes_submitted)
select r.id, 100000 + ((r.id - 1) % :townships) * 12 + ((r.id + s) % 12) + 1,
       case when (r.id + s) % 13 = 0 then 'LEAVE' when (r.id + s) % 29 = 0 then 'ABSENT' else 'PRESENT' end,
       case when (r.id + s) % 13 = 0 then '公务外出' end, s = 1, s <= 4
  from ledger_record r, generate_series(1, 8) s
 where r.kind in ('MEETING', 'STUDY_SESSION');

-- One record in four has a photo or scan (metadata only: the bytes are not on disk; downloads are not measured).
insert into attachment (id, org_unit_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by, uploaded_at)
select id, org_unit_id, 'scan-' || id || '.jpg', 'image/jpeg', 200000 + id % 100000, md5(id::text) || md5('x' || id),
       md5(id::text) || md5('x' || id), 'seed', recorded_at
  from ledger_record where id % 4 = 0;
insert into ledger_attachment (record_id, attachment_id, attached_at, attached_by)
select id, id, recorded_at, 'seed' from ledger_record where id % 4 = 0;
select setval(pg_get_serial_sequence('attachment', 'id'), (select max(id) from attachment));
select setval(pg_get_serial_sequence('study_attendance', 'id'), (select max(id) from study_attendance));

set session_replication_role = origin;
select indexdef from bench_index \gexec
