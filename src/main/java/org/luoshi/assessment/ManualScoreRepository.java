package org.luoshi.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ManualScoreRepository extends JpaRepository<ManualScore, Long> {

    Optional<ManualScore> findByIndicatorIdAndOrgUnitId(Long indicatorId, Long orgUnitId);

    List<ManualScore> findByIndicatorIdInAndOrgUnitId(Collection<Long> indicatorIds, Long orgUnitId);

    List<ManualScore> findByIndicatorIdInAndOrgUnitIdIn(Collection<Long> indicatorIds, Collection<Long> orgUnitIds);
}
