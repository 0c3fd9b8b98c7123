-- 集中签订: the meeting (a 会议 record of the ledger) where a letter was signed, when one was named.
alter table responsibility_letter add column meeting_record_id bigint references ledger_record (id);
