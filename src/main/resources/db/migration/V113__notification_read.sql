-- Notifications stay addressed to a unit and a role (a post holder may have no account), but each
-- account now marks them read for itself: the header's bell counts what this account has not read,
-- and one officer reading a notice no longer hides it from the unit's other officers.
-- The old read_at/read_by columns keep the first reader (history); the rows below carry it over.
create table notification_read (
    notification_id bigint       not null references notification (id),
    username        varchar(50)  not null,
    read_at         timestamp with time zone not null,
    primary key (notification_id, username)
);
create index ix_notification_read_user on notification_read (username, notification_id);

insert into notification_read (notification_id, username, read_at)
select id, read_by, read_at from notification where read_at is not null and read_by is not null;
