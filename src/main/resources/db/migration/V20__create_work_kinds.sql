-- Work ledger kinds beyond the core: venues (阵地) and their checks, activities, volunteer teams and
-- service, awards, publicity material. Counts are never negative; the checker says so in words first.

-- 阵地: 文化站、农家书屋、村村响、文化广场、新时代文明实践所（站）、LED屏、宣传栏、网站、公众号
create table ledger_venue (
    record_id  bigint       primary key references ledger_record (id),
    sub_kind   varchar(32)  not null,
    village_id bigint       references org_unit (id),
    location   varchar(200),
    manager    varchar(100)
);

-- 阵地检查
create table ledger_venue_check (
    record_id         bigint        primary key references ledger_record (id),
    venue_id          bigint        not null references ledger_record (id),
    state             varchar(16)   not null,
    visitors          integer,
    books_lent        integer,
    faults_found      integer,
    faults_fixed      integer,
    fault_description varchar(2000),
    constraint ck_ledger_venue_check_counts check ((visitors is null or visitors >= 0) and (books_lent is null or books_lent >= 0)
        and (faults_found is null or faults_found >= 0) and (faults_fixed is null or faults_fixed >= 0)),
    constraint ck_ledger_venue_check_fixed check (faults_fixed is null or faults_found is null or faults_fixed <= faults_found)
);
create index ix_ledger_venue_check_venue on ledger_venue_check (venue_id);

-- 文化、文体、节日、阅读、三下乡、扫黄打非活动
create table ledger_activity (
    record_id              bigint       primary key references ledger_record (id),
    sub_kind               varchar(32)  not null,
    organiser              varchar(200),
    participants           integer,
    sessions               integer,
    establishments_checked integer,
    constraint ck_ledger_activity_counts check ((participants is null or participants >= 0) and (sessions is null or sessions >= 0)
        and (establishments_checked is null or establishments_checked >= 0))
);

-- 志愿服务队
create table ledger_volunteer_team (
    record_id  bigint       primary key references ledger_record (id),
    theme      varchar(200),
    village_id bigint       references org_unit (id),
    members    integer,
    leader     varchar(100),
    constraint ck_ledger_volunteer_team_members check (members is null or members >= 0)
);

-- 志愿服务
create table ledger_volunteer_service (
    record_id     bigint         primary key references ledger_record (id),
    team_id       bigint         not null references ledger_record (id),
    volunteers    integer,
    hours         decimal(12, 2),
    beneficiaries integer,
    constraint ck_ledger_volunteer_service_counts check ((volunteers is null or volunteers >= 0) and (hours is null or hours >= 0)
        and (beneficiaries is null or beneficiaries >= 0))
);
create index ix_ledger_volunteer_service_team on ledger_volunteer_service (team_id);

-- 评选表彰: the awardee's name and unit only
create table ledger_award (
    record_id    bigint       primary key references ledger_record (id),
    sub_kind     varchar(32)  not null,
    level        varchar(16)  not null,
    programme    varchar(200),
    awardee_name varchar(100) not null,
    awardee_unit varchar(200)
);

-- 宣传品与宣传经费 (cost in yuan)
create table ledger_publicity_material (
    record_id bigint         primary key references ledger_record (id),
    sub_kind  varchar(32)    not null,
    quantity  integer,
    cost      decimal(14, 2),
    constraint ck_ledger_publicity_counts check ((quantity is null or quantity >= 0) and (cost is null or cost >= 0))
);
