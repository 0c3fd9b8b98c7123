package org.luoshi.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChecklistRepository extends JpaRepository<Checklist, Long> {

    /**
     * Checklists a user may see: those of units in their subtree, and those of the units above
     * them (the county's checklist is for every township).
     */
    @Query("""
            select c from Checklist c where c.ownerUnitId in (
                select u.id from OrgUnit u where u.path like concat(:path, '%') or :path like concat(u.path, '%'))
            order by c.createdAt desc, c.id desc""")
    List<Checklist> findVisible(@Param("path") String path);

    boolean existsByOwnerUnitIdAndTitle(Long ownerUnitId, String title);
}
