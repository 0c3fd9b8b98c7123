-- Accounts to log in with, all with the bootstrap administrator's password: its hash was made by the
-- application's own encoder at the first start (FirstAdministrator), so no hash is computed here. None must
-- change its password first. bench_officer keeps the first township, bench_county reviews the first county.
\set ON_ERROR_STOP on
update account set must_change_password = false, password_changed_at = now(), failed_attempts = 0, locked_until = null
 where username = 'admin';
delete from account where username in ('bench_officer', 'bench_county');
insert into account (username, display_name, password_hash, role, org_unit_id, enabled, password_changed_at,
                     must_change_password, created_at, updated_at)
select 'bench_officer', '基准镇干部', a.password_hash, 'TOWNSHIP_OFFICER', (select id from bench_township where t = 1),
       true, now(), false, now(), now()
  from account a where a.username = 'admin'
union all
select 'bench_county', '基准县审核', a.password_hash, 'COUNTY_REVIEWER', (select county_id from bench_township where t = 1),
       true, now(), false, now(), now()
  from account a where a.username = 'admin';
