package org.luoshi.responsibility;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ResponsibilityRepository extends JpaRepository<Responsibility, Long> {

    List<Responsibility> findByOrgUnitId(Long orgUnitId);

    List<Responsibility> findByOrgUnitIdIn(Collection<Long> orgUnitIds);
}
