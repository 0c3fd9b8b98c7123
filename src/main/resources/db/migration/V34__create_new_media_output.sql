-- 新媒体发布: the township's own accounts (公众号、视频号、抖音、微博) and the posts each published in
-- a period (occurred_on .. occurred_until of the common row, usually a month).
create table ledger_new_media_output (
    record_id bigint       primary key references ledger_record (id),
    account   varchar(100) not null,
    platform  varchar(16)  not null,
    posts     integer      not null,
    constraint ck_ledger_new_media_output_posts check (posts >= 0)
);
