-- A request asks either for measures and free questions, or for a report of a kind (its year being the
-- request's period). A report-kind answer links to the township's report, whose one review (submit,
-- return, accept) the answer follows. Free questions are answered in text, one reply per question.

alter table reporting_task add column report_kind varchar(32);
alter table reporting_task add column questions varchar(4000);
alter table reporting_task alter column measures drop not null;

alter table task_answer add column report_id bigint references report (id);
create index ix_task_answer_report on task_answer (report_id);

create table task_reply (
    answer_id bigint        not null references task_answer (id) on delete cascade,
    position  int           not null,
    reply     varchar(2000),
    primary key (answer_id, position)
);
