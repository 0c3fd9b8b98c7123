package org.luoshi.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PostRepository extends JpaRepository<Post, Long> {

    List<Post> findByOrgUnitIdOrderBySortOrderAscIdAsc(Long orgUnitId);

    boolean existsByOrgUnitId(Long orgUnitId);
}
