-- Tiers above the county: a city (市、地区、州、盟) and a province (省、自治区、直辖市) may hold counties,
-- so that several counties live in one deployment. The local tier name is read from the unit's name.
alter table org_unit drop constraint ck_org_unit_kind;
alter table org_unit add constraint ck_org_unit_kind
    check (kind in ('PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE', 'DEPARTMENT'));
