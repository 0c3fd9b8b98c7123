-- 群众文化与宣传队伍: 文艺队、篮球队、宣讲团、网评员队伍、红白理事会 …, so that "54支文艺队" is a count
-- of register entries and the members a sum, never a number typed into a report.
create table ledger_culture_team (
    record_id  bigint       primary key references ledger_record (id),
    sub_kind   varchar(32)  not null,
    village_id bigint       references org_unit (id),
    members    integer,
    leader     varchar(100),
    constraint ck_ledger_culture_team_members check (members is null or members >= 0)
);
