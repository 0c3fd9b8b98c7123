package org.luoshi.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    /** Inspections held by a unit in scope, or visits to a unit in scope (the ids of the units in scope). */
    @Query(value = """
            select distinct i from Inspection i left join i.visitedUnitIds v where i.kind = :kind and (
                i.unitId in :unitIds or v in :unitIds)
            order by i.heldOn desc, i.id desc""",
            countQuery = """
            select count(distinct i) from Inspection i left join i.visitedUnitIds v where i.kind = :kind and (
                i.unitId in :unitIds or v in :unitIds)""")
    Page<Inspection> findVisible(@Param("kind") InspectionKind kind, @Param("unitIds") Collection<Long> unitIds,
            Pageable pageable);

    List<Inspection> findByKindAndUnitIdAndHeldOnBetweenOrderByHeldOnDescIdDesc(InspectionKind kind, Long unitId,
            java.time.LocalDate from, java.time.LocalDate to);

    /** The finished self-inspections of the units held in a period, newest first. */
    List<Inspection> findByKindAndStatusAndUnitIdInAndHeldOnBetweenOrderByHeldOnDescIdDesc(InspectionKind kind,
            Inspection.Status status, Collection<Long> unitIds, java.time.LocalDate from, java.time.LocalDate to);
}
