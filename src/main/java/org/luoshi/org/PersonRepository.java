package org.luoshi.org;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, Long> {

    List<Person> findByOrgUnitIdOrderByName(Long orgUnitId);

    boolean existsByOrgUnitId(Long orgUnitId);
}
