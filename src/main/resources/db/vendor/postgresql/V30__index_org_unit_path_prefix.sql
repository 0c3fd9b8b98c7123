-- Subtrees are read with "path like '/1/5/%'". Outside the C locale PostgreSQL cannot use the plain
-- unique index on path for a prefix match; an index with varchar_pattern_ops can. H2 has no operator
-- classes and uses its own index, so this migration exists for PostgreSQL only.
create index ix_org_unit_path_prefix on org_unit (path varchar_pattern_ops);
