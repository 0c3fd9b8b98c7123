-- Audit rows are append-only in the database itself, not only evidently changed (the SM3 chain): an UPDATE,
-- DELETE or TRUNCATE on audit_event is refused. Two changes stay possible, each as narrow as it can be:
--  * the one-off sealing of rows written before the chain (V42): an UPDATE that only fills prev_hash/hash
--    of a row that has no hash yet;
--  * the retention job's pruning of rows already archived to signed files: a DELETE in a transaction that
--    set luoshi.audit_prune (set_config(..., true), so it ends with that transaction; AuditChain.prune).
-- A superuser can still switch triggers off; what such a person changes the hash chain names at the next
-- verification. H2 has no such trigger: there the chain detects, it does not prevent.
create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('luoshi.audit_prune', true) = 'on' then
        return old;
    end if;
    if tg_op = 'UPDATE' and old.hash is null
            and (to_jsonb(new) - 'prev_hash' - 'hash') = (to_jsonb(old) - 'prev_hash' - 'hash') then
        return new;
    end if;
    raise exception '审计记录只能追加，不能修改或删除（audit_event is append-only: % refused）', tg_op
        using errcode = '42501';
end
$$;

create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_event_append_only();

create function audit_event_no_truncate() returns trigger language plpgsql as $$
begin
    raise exception '审计记录只能追加，不能清空（audit_event is append-only: TRUNCATE refused）'
        using errcode = '42501';
end
$$;

create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_no_truncate();
