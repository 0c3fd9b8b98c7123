-- The audit page pages by id (keyset) under a filter on user or outcome; these keep both an index range.
create index ix_audit_event_user_id on audit_event (username, id);
create index ix_audit_event_outcome_id on audit_event (outcome, id);
