package org.luoshi.assessment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface IndicatorSetRepository extends JpaRepository<IndicatorSet, Long> {

    List<IndicatorSet> findByYearOrderByIdAsc(int year);

    boolean existsByOwnerUnitIdAndYearAndName(Long ownerUnitId, int year, String name);

    boolean existsByOwnerUnitIdAndYearAndNameAndIdNot(Long ownerUnitId, int year, String name, Long id);

    boolean existsByOwnerUnitIdAndYear(Long ownerUnitId, int year);
}
