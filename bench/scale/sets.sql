-- Every county scores its townships with a published indicator set, as in a real province: the sets that the
-- first county's reviewer loaded and published through the sets page (measure.py) are copied, indicators and
-- filters with them, to every county that has none of that year. The province and city overviews then score
-- all 1,500 townships, each against its own county's set. psql variable: county (the first county's id).
\set ON_ERROR_STOP on
insert into indicator_set (owner_unit_id, set_year, name, published, created_by, created_at, updated_at, version,
                           ranking_published)
select c.id, s.set_year, s.name, true, 'bench-copy', now(), now(), 0, s.ranking_published
  from indicator_set s cross join org_unit c
 where s.owner_unit_id = :county and s.published and c.kind = 'COUNTY' and c.id <> :county
   and not exists (select 1 from indicator_set x where x.owner_unit_id = c.id and x.set_year = s.set_year);
insert into indicator (set_id, code, name, category, weight, target, period_mode, scoring, steps, manual, note,
                       aggregation, record_kind, sum_field, rate_metric, comparison, sort_order, basis, informational,
                       volume_reason)
select t.id, i.code, i.name, i.category, i.weight, i.target, i.period_mode, i.scoring, i.steps, i.manual, i.note,
       i.aggregation, i.record_kind, i.sum_field, i.rate_metric, i.comparison, i.sort_order, i.basis, i.informational,
       i.volume_reason
  from indicator i
  join indicator_set s on s.id = i.set_id and s.owner_unit_id = :county
  join indicator_set t on t.created_by = 'bench-copy' and t.set_year = s.set_year and t.name = s.name
 where not exists (select 1 from indicator x where x.set_id = t.id);
insert into indicator_filter (indicator_id, position, filter_type, field_name, filter_values)
select n.id, f.position, f.filter_type, f.field_name, f.filter_values
  from indicator_filter f
  join indicator i on i.id = f.indicator_id
  join indicator_set s on s.id = i.set_id and s.owner_unit_id = :county
  join indicator_set t on t.created_by = 'bench-copy' and t.set_year = s.set_year and t.name = s.name
  join indicator n on n.set_id = t.id and n.code = i.code
 where not exists (select 1 from indicator_filter x where x.indicator_id = n.id);
