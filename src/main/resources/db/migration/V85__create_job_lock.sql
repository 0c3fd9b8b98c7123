-- One row per scheduled job: the instance that moves lock_until forward (a conditional update on the row)
-- runs the job; the others skip it. Times are the database's own (UTC), as ShedLock's JDBC provider writes them.
create table job_lock (
    name       varchar(64)  not null primary key,
    lock_until timestamp(3) not null,
    locked_at  timestamp(3) not null,
    locked_by  varchar(255) not null
);
