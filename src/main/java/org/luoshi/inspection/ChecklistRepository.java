package org.luoshi.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ChecklistRepository extends JpaRepository<Checklist, Long> {

    /**
     * Checklists a user may see: those of units in their subtree, and those of the units above
     * them (the county's checklist is for every township): {@code unitIds} from
     * {@link org.luoshi.org.OrgUnitService#unitIds} with the ancestors.
     */
    @Query("""
            select c from Checklist c where c.ownerUnitId in :unitIds
            order by c.createdAt desc, c.id desc""")
    List<Checklist> findVisible(@Param("unitIds") Collection<Long> unitIds);

    boolean existsByOwnerUnitIdAndTitle(Long ownerUnitId, String title);
}
