package org.luoshi.responsibility;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadingGroupRepository extends JpaRepository<LeadingGroup, Long> {

    Optional<LeadingGroup> findByOrgUnitId(Long orgUnitId);

    List<LeadingGroup> findByOrgUnitIdIn(Collection<Long> orgUnitIds);
}
