package org.luoshi.report;

import java.util.Collection;
import java.util.List;

interface ReportTemplateRepository extends org.springframework.data.jpa.repository.JpaRepository<ReportTemplate, Long> {

    List<ReportTemplate> findByOrgUnitIdInAndActiveTrueOrderByUploadedAtDesc(Collection<Long> orgUnitIds);

    List<ReportTemplate> findByOrgUnitIdAndKindAndActiveTrue(long orgUnitId, ReportKind kind);
}
