-- Accounts to log in with, all with the bootstrap administrator's password: its hash was made by the
-- application's own encoder at the first start (FirstAdministrator), so no hash is computed here. None must
-- change its password first; a second run updates them (their API tokens stay). bench_officer keeps the first township, bench_county reviews the first county,
-- bench_city the city above it (its county's parent, the root when there are no cities), bench_province the
-- root. bench_user01..20 browse together for the memory measurement: officers of 14 townships in 14 counties,
-- reviewers of 3 counties, of 2 cities and of the province.
\set ON_ERROR_STOP on
update account set must_change_password = false, password_changed_at = now(), failed_attempts = 0, locked_until = null
 where username = 'admin';
create temp table bench_login (username text, display_name text, role text, org_unit_id bigint);
insert into bench_login
select 'bench_officer', '基准镇干部', 'TOWNSHIP_OFFICER', id from bench_township where t = 1
union all
select 'bench_county', '基准县审核', 'COUNTY_REVIEWER', county_id from bench_township where t = 1
union all
select 'bench_city', '基准市审核', 'COUNTY_REVIEWER', o.parent_id
  from bench_township w join org_unit o on o.id = w.county_id where w.t = 1
union all
select 'bench_province', '基准省审核', 'COUNTY_REVIEWER', id from org_unit where parent_id is null
union all
select format('bench_user%s', lpad(i::text, 2, '0')), format('基准用户%s', i),
       case when i <= 14 then 'TOWNSHIP_OFFICER' else 'COUNTY_REVIEWER' end,
       case when i <= 14 then (select id from bench_township where t = (i - 1) * (select max(t) from bench_township) / 14 + 1)
            when i <= 17 then 100 + (i - 14)
            when i <= 19 then (select o.parent_id from org_unit o where o.id = 100 + (i - 17))
            else (select id from org_unit where parent_id is null) end
  from generate_series(1, 20) i;
insert into account (username, display_name, password_hash, role, org_unit_id, enabled, password_changed_at,
                     must_change_password, created_at, updated_at)
select b.username, b.display_name, a.password_hash, b.role, b.org_unit_id, true, now(), false, now(), now()
  from bench_login b, account a where a.username = 'admin'
on conflict (username) do update set role = excluded.role, org_unit_id = excluded.org_unit_id,
       password_hash = excluded.password_hash, must_change_password = false, enabled = true;
