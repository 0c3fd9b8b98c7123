-- 本级制度与计划: the unit's own implementation plans, rules and study plans (documents from above are ledger_directive).
create table ledger_regulation (
    record_id  bigint        primary key references ledger_record (id),
    sub_kind   varchar(32)   not null,
    issued_by  varchar(100)  not null,
    doc_number varchar(60),
    summary    varchar(2000)
);
