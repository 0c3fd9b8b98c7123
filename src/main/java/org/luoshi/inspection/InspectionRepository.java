package org.luoshi.inspection;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface InspectionRepository extends JpaRepository<Inspection, Long> {

    /** Inspections held by a unit in scope, or visits to a unit in scope. */
    @Query(value = """
            select distinct i from Inspection i left join i.visitedUnitIds v where i.kind = :kind and (
                i.unitId in (select u.id from OrgUnit u where u.path like concat(:path, '%'))
                or v in (select u2.id from OrgUnit u2 where u2.path like concat(:path, '%')))
            order by i.heldOn desc, i.id desc""",
            countQuery = """
            select count(distinct i) from Inspection i left join i.visitedUnitIds v where i.kind = :kind and (
                i.unitId in (select u.id from OrgUnit u where u.path like concat(:path, '%'))
                or v in (select u2.id from OrgUnit u2 where u2.path like concat(:path, '%')))""")
    Page<Inspection> findVisible(@Param("kind") InspectionKind kind, @Param("path") String path, Pageable pageable);
}
