package org.luoshi.report;

import java.util.List;

interface ReportEventRepository extends org.springframework.data.jpa.repository.JpaRepository<ReportEvent, Long> {

    List<ReportEvent> findByReportIdOrderByAtAscIdAsc(long reportId);

    List<ReportEvent> findByReportIdInOrderByAtAscIdAsc(java.util.Collection<Long> reportIds);
}
