package org.luoshi.report;

import java.util.List;
import java.util.Optional;

interface ReportVersionRepository extends org.springframework.data.jpa.repository.JpaRepository<ReportVersion, Long> {

    Optional<ReportVersion> findFirstByReportIdOrderByNumberDesc(long reportId);

    Optional<ReportVersion> findByReportIdAndNumber(long reportId, int number);

    List<ReportVersion> findByReportIdOrderByNumberDesc(long reportId);

    /** The latest version number of each of these reports, as [report id, number], without their contents. */
    @org.springframework.data.jpa.repository.Query(
            "select v.reportId, max(v.number) from ReportVersion v where v.reportId in :ids group by v.reportId")
    List<Object[]> latestNumbers(java.util.Collection<Long> ids);
}
