package org.luoshi.inspection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface FindingRepository extends JpaRepository<Finding, Long>, JpaSpecificationExecutor<Finding> {

    /**
     * Counts per unit and state in a subtree (the ids of its units), for rates and panels: one grouped
     * query, not one per unit.
     */
    @Query("""
            select f.unitId, f.state, count(f),
                   sum(case when f.state <> org.luoshi.inspection.RectificationState.PASSED and f.deadline < :today then 1 else 0 end),
                   sum(case when f.state <> org.luoshi.inspection.RectificationState.PASSED and f.deadline >= :today and f.deadline <= :near then 1 else 0 end)
            from Finding f
            where f.unitId in :unitIds
            group by f.unitId, f.state""")
    List<Object[]> countByUnitAndState(@Param("unitIds") Collection<Long> unitIds, @Param("today") LocalDate today,
            @Param("near") LocalDate near);

    List<Finding> findByInspectionIdOrderByIdAsc(Long inspectionId);

    /** Unfinished tasks due by a date: the candidates for overdue warnings. */
    List<Finding> findByStateInAndDeadlineLessThanEqual(Collection<RectificationState> states, LocalDate until);

    boolean existsByOriginKey(String originKey);
}
