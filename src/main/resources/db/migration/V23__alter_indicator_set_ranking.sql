-- Whether the county shows the township ranking of a set to the townships themselves; off by default.
alter table indicator_set add column ranking_published boolean not null default false;

-- The media placement count field is named as in the ledger (articleCount), not 'articles'.
update indicator set sum_field = 'articleCount' where sum_field = 'articles';
