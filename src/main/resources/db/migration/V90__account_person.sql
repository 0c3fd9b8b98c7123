-- An account may name the person (人员) who uses it, so that pages show 登记人, 评分人 and the
-- timeline by the person's name rather than by a login name; accounts without one show their display name.
alter table account add column person_id bigint references person (id);
