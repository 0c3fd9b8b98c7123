-- 审计日志防篡改 (issue 15, M4): each row carries the HTTP status it ended with and an SM3 hash chained to
-- the row before it, hash = SM3(prev_hash || canonical row), computed by the application (AuditChain).
alter table audit_event add column status integer;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);

-- The head of the chain: one row, locked (select ... for update) by every append, so that appends from
-- all threads and instances form one line. anchor_* is where the chain continues after rows were
-- archived and pruned; legacy_until marks the rows written before the chain existed, which the
-- application seals once (sealed) in id order.
create table audit_chain (
    id             integer primary key check (id = 1),
    legacy_until   bigint  not null,
    sealed         boolean not null,
    last_id        bigint,
    last_hash      varchar(64),
    anchor_id      bigint,
    anchor_hash    varchar(64),
    anchor_archive varchar(200)
);
insert into audit_chain (id, legacy_until, sealed) select 1, coalesce(max(id), 0), false from audit_event;
