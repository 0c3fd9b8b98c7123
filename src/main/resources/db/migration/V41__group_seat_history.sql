-- A seat's days in the group, so that a past year's report lists the group as it stood then.
-- seated_on null: the seat predates this record (it counts from the group's beginning).
-- removed_on: the day the seat left the group; removed seats are kept for the history.
alter table group_seat add column seated_on date;
alter table group_seat add column removed_on date;
