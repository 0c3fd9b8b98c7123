package org.luoshi.org;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    /**
     * At most {@code page.getPageSize()} units of the subtree, in path order: enough to tell whether a subtree
     * is small without reading a province's 30,000 villages.
     */
    @Query("select u from OrgUnit u where u.path like concat(:path, '%') order by u.path")
    List<OrgUnit> findSubtreeFirst(@Param("path") String path, org.springframework.data.domain.Pageable page);

    /** Units of the subtree whose name contains the text (a pattern with its own wildcards), shortest paths first. */
    @Query("select u from OrgUnit u where u.path like concat(:path, '%') and u.name like :pattern escape '!' "
            + "order by length(u.path), u.sortOrder, u.name, u.id")
    List<OrgUnit> searchSubtree(@Param("path") String path, @Param("pattern") String pattern,
            org.springframework.data.domain.Pageable page);

    /** The subtree below (and including) the unit with this path, in tree order. */
    @Query("select u from OrgUnit u where u.path like concat(:path, '%') order by u.path")
    List<OrgUnit> findSubtree(@Param("path") String path);

    /** The ids of the subtree below (and including) the unit with this path. */
    @Query("select u.id from OrgUnit u where u.path like concat(:path, '%')")
    List<Long> findSubtreeIds(@Param("path") String path);

    /** The ids of the subtree, and of the units above it: those whose path is a prefix of this one. */
    @Query("select u.id from OrgUnit u where u.path like concat(:path, '%') or :path like concat(u.path, '%')")
    List<Long> findSubtreeAndAncestorIds(@Param("path") String path);

    @Query("select u from OrgUnit u where u.path like concat(:path, '%') and u.kind = :kind order by u.sortOrder, u.name")
    List<OrgUnit> findSubtreeOfKind(@Param("path") String path, @Param("kind") OrgUnitKind kind);

    /**
     * Ids and paths of the active villages of a subtree, as rows: a province's 30,000 villages are asked for by
     * every village-coverage figure, and reading them as entities cost more than the figure's own query.
     */
    @Query("select u.id, u.path from OrgUnit u where u.path like concat(:path, '%') "
            + "and u.kind = org.luoshi.org.OrgUnitKind.VILLAGE and u.active = true order by u.sortOrder, u.name")
    List<Object[]> activeVillagePaths(@Param("path") String path);

    long countByPathStartingWithAndKind(String path, OrgUnitKind kind);

    List<OrgUnit> findByParentIdOrderBySortOrderAscNameAsc(Long parentId);

    List<OrgUnit> findByParentIdInOrderBySortOrderAscNameAsc(java.util.Collection<Long> parentIds);

    @Query("select coalesce(sum(u.registeredPopulation), 0) from OrgUnit u where u.path like concat(:path, '%') "
            + "and u.kind = org.luoshi.org.OrgUnitKind.VILLAGE and u.active = true")
    long sumVillagePopulation(@Param("path") String path);

    /** Path and registered population of each active village of the subtree that has a figure. */
    @Query("select u.path, u.registeredPopulation from OrgUnit u where u.path like concat(:path, '%') "
            + "and u.kind = org.luoshi.org.OrgUnitKind.VILLAGE and u.active = true and u.registeredPopulation is not null")
    List<Object[]> villagePopulations(@Param("path") String path);

    List<OrgUnit> findByPathIn(java.util.Collection<String> paths);

    boolean existsByParentId(Long parentId);

    Optional<OrgUnit> findByParentIdIsNull();

    boolean existsByParentIdAndActiveTrue(Long parentId);

    boolean existsByCodeAndIdNot(String code, Long id);

    boolean existsByParentIdAndNameAndIdNot(Long parentId, String name, Long id);
}
