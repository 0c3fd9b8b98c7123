package org.luoshi.org;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    List<Person> findByOrgUnitIdOrderByName(Long orgUnitId);

    Page<Person> findByOrgUnitIdOrderByNameAscIdAsc(Long orgUnitId, Pageable pageable);

    List<Person> findByOrgUnitIdInAndActiveTrueOrderByName(Collection<Long> orgUnitIds);

    boolean existsByOrgUnitId(Long orgUnitId);
}
