package org.luoshi.report;

import java.util.List;
import java.util.Optional;

interface ReportVersionRepository extends org.springframework.data.jpa.repository.JpaRepository<ReportVersion, Long> {

    Optional<ReportVersion> findFirstByReportIdOrderByNumberDesc(long reportId);

    Optional<ReportVersion> findByReportIdAndNumber(long reportId, int number);

    List<ReportVersion> findByReportIdOrderByNumberDesc(long reportId);
}
