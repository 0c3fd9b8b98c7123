-- Facts that township reports state but the ledger could not hold (issue 13, item 10). Every
-- statement runs on H2 (PostgreSQL mode) and PostgreSQL; existing rows get the values they meant.

-- 上稿: how far a piece got (报送 SUBMITTED, 录用 ADOPTED, 刊发 PUBLISHED) and whether the outlet is a
-- party paper. Until now every placement was recorded as published.
alter table ledger_media_placement add column state varchar(16) default 'PUBLISHED' not null;
alter table ledger_media_placement alter column state drop default;
alter table ledger_media_placement add constraint ck_ledger_media_state check (state in ('SUBMITTED', 'ADOPTED', 'PUBLISHED'));
alter table ledger_media_placement add column party_paper boolean default false not null;

-- 学习: coverage with its denominator (参训 of 应训), for trainings where nobody lists every attendee.
alter table ledger_study_session add column eligible_count integer;
alter table ledger_study_session add column trained_count integer;
alter table ledger_study_session add constraint ck_ledger_study_session_counts
    check ((eligible_count is null or eligible_count >= 0) and (trained_count is null or trained_count >= 0));
alter table ledger_study_session add constraint ck_ledger_study_session_trained
    check (trained_count is null or eligible_count is null or trained_count <= eligible_count);

-- 阵地检查: usage besides visitors (接待团队, 预约场次).
alter table ledger_venue_check add column groups_received integer;
alter table ledger_venue_check add column bookings integer;
alter table ledger_venue_check add constraint ck_ledger_venue_check_usage
    check ((groups_received is null or groups_received >= 0) and (bookings is null or bookings >= 0));

-- 志愿服务队: people registered in the national volunteer system, a set apart from the members.
alter table ledger_volunteer_team add column registered_volunteers integer;
alter table ledger_volunteer_team add constraint ck_ledger_volunteer_team_registered
    check (registered_volunteers is null or registered_volunteers >= 0);

-- 评选表彰: an honour received from above (RECEIVED) or a commendation the unit gave (GIVEN). The
-- register held the honours the township's people and villages received.
alter table ledger_award add column direction varchar(16) default 'RECEIVED' not null;
alter table ledger_award alter column direction drop default;
alter table ledger_award add constraint ck_ledger_award_direction check (direction in ('RECEIVED', 'GIVEN'));

-- 扫黄打非 and 文化市场 checks: inspector turn-outs (出动检查人次).
alter table ledger_activity add column inspector_times integer;
alter table ledger_activity add constraint ck_ledger_activity_inspectors check (inspector_times is null or inspector_times >= 0);

-- 上级文件 without a number (会议精神, many 通知): the number is optional.
alter table ledger_directive alter column doc_number drop not null;

-- 本级制度: its number now takes the official form too; bracket variants become 〔〕 as the form does.
update ledger_regulation set doc_number = null where trim(doc_number) = '';
update ledger_regulation
   set doc_number = replace(replace(replace(replace(replace(replace(replace(doc_number, ' ', ''),
       '[', '〔'), ']', '〕'), '［', '〔'), '］', '〕'), '【', '〔'), '】', '〕')
 where doc_number is not null;
