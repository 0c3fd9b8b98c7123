-- Stale edits: a leading-group seat and a checklist item carry a version, like the other editable
-- things, so that a save from an outdated copy is refused instead of silently winning.
alter table group_seat add column version bigint not null default 0;
alter table checklist_item add column version bigint not null default 0;
