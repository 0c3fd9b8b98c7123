package org.luoshi.report;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ReportRepository extends JpaRepository<Report, Long> {

    List<Report> findByOrgUnitIdInOrderByYearDescIdDesc(Collection<Long> orgUnitIds);

    List<Report> findByOrgUnitIdInAndStatusInOrderByUpdatedAtDesc(Collection<Long> orgUnitIds,
            Collection<ReportStatus> statuses);

    boolean existsByOrgUnitIdAndKindAndYearAndPreviousIdIsNull(long orgUnitId, ReportKind kind, int year);

    boolean existsByOrgUnitIdAndKindAndYearAndDirectiveNumberAndPreviousIdIsNull(long orgUnitId, ReportKind kind,
            int year, String directiveNumber);

    boolean existsByPreviousId(long previousId);

    /** The reports of these units, kinds and year in these states: the county home's "not reported yet". */
    List<Report> findByOrgUnitIdInAndYearAndKindInAndStatusIn(Collection<Long> orgUnitIds, int year,
            Collection<ReportKind> kinds, Collection<ReportStatus> statuses);
}
