-- An optional e-mail address per account, for the daily digest of its unread notices, and when the
-- last digest went out: the next one lists only notices since then, and none goes twice in a day.
alter table account add column email varchar(254);
alter table account add column digest_sent_at timestamp with time zone;
