-- The 2024 rules on reducing the burden at the grassroots (《整治形式主义为基层减负若干规定》):
-- every indicator states its basis (依据); volume figures can be informational (shown, no points,
-- outside the total and the ranking); a county that scores a volume figure states why.
alter table indicator add column basis varchar(500);
alter table indicator add column informational boolean not null default false;
alter table indicator add column volume_reason varchar(500);

-- The basis of the shipped default set's indicators, matched by code and name as they were shipped.
-- It describes what an indicator implements and changes no score, so it is filled in every set.
update indicator set basis = '《党委（党组）意识形态工作责任制实施办法》：党委（党组）每年至少两次专题研究意识形态工作。'
 where code = 'ZZ-01' and name = '党委会专题研究部署意识形态工作' and basis is null;
update indicator set basis = '《党委（党组）意识形态工作责任制实施办法》：定期分析研判意识形态领域情况，每半年向上级报告一次。'
 where code = 'ZZ-02' and name = '意识形态领域形势研判' and basis is null;
update indicator set basis = '意识形态工作责任制实施办法及本县实施细则：责任逐级分解，每年与所属村（社区）、站所签订责任书。'
 where code = 'ZZ-03' and name = '与各村（社区）、站所签订意识形态工作责任书' and basis is null;
update indicator set basis = '《中国共产党党委（党组）理论学习中心组学习规则》：制定年度学习计划并按计划组织集中学习；频次按本县考核细则。'
 where code = 'LL-01' and name = '理论学习中心组每月集中学习' and basis is null;
update indicator set basis = '《中国共产党党委（党组）理论学习中心组学习规则》：围绕专题开展研讨交流；频次按本县考核细则。'
 where code = 'LL-02' and name = '中心组专题研讨' and basis is null;
update indicator set basis = '《中国共产党党委（党组）理论学习中心组学习规则》：中心组成员应当按时参加集体学习，严格考勤。'
 where code = 'LL-03' and name = '中心组学习出勤率' and basis is null;
update indicator set basis = '本县理论宣讲工作安排：宣讲进村（社区），覆盖所有村（社区）。'
 where code = 'XW-02' and name = '理论宣讲覆盖所有村（社区）' and basis is null;
update indicator set basis = '《党委（党组）网络意识形态工作责任制实施细则》：及时妥善处置网络舆情。'
 where code = 'WL-01' and name = '舆情按时处置' and basis is null;
update indicator set basis = '《党委（党组）意识形态工作责任制实施办法》：加强宣传思想文化阵地建设和管理；检查周期按本县考核细则。'
 where code = 'ZD-01' and name = '宣传思想文化阵地定期检查' and basis is null;
update indicator set basis = '本县精神文明创建工作安排。'
 where code = 'WH-02' and name = '文明村镇、星级文明户等创建成效' and basis is null;

-- Draft sets: volume indicators become informational, with no points (the rule of Volume.java:
-- placements, new-media posts, publicity items, documents; any sum of quantities; counts scored in
-- steps; counts of meetings, sessions or activities not narrowed to a duty's sub-kind), and so does
-- the default set's volunteer hours per resident. Published sets are not changed: an assessment
-- already announced keeps the rules it was announced with. The set page names their volume
-- indicators, and the county can withdraw, adjust and re-publish.
update indicator set informational = true, weight = 0
 where manual = false
   and set_id in (select s.id from indicator_set s where s.published = false)
   and (record_kind in ('MEDIA_PLACEMENT', 'NEW_MEDIA_OUTPUT', 'PUBLICITY_MATERIAL', 'DIRECTIVE')
        or aggregation = 'SUM'
        or (aggregation = 'COUNT' and scoring = 'STEPPED')
        or (aggregation = 'COUNT' and record_kind not in ('VENUE_CHECK', 'OUTREACH', 'OPINION_CASE', 'REGULATION')
            and not exists (select 1 from indicator_filter f
                             where f.indicator_id = indicator.id and f.filter_type = 'SUB_KIND'))
        or (code = 'WH-01' and rate_metric = 'VOLUNTEER_HOURS_PER_RESIDENT'));

-- The volume indicators' basis is the 2024 rule itself, so it is only right where they no longer score.
update indicator set basis = '《整治形式主义为基层减负若干规定》（2024年）：数量不作考评依据；本项仅作参考。'
 where code = 'XW-01' and name = '省级及以上媒体上稿' and basis is null and informational = true;
update indicator set basis = '《整治形式主义为基层减负若干规定》（2024年）：时长类数量不作考评依据；本项仅作参考。'
 where code = 'WH-01' and name = '人均志愿服务时长' and basis is null and informational = true;
