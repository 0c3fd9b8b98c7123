package org.luoshi.responsibility;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LetterRepository extends JpaRepository<ResponsibilityLetter, Long> {

    List<ResponsibilityLetter> findByOrgUnitIdAndYear(Long orgUnitId, int year);

    List<ResponsibilityLetter> findByOrgUnitIdInAndYear(java.util.Collection<Long> orgUnitIds, int year);

    Optional<ResponsibilityLetter> findByCounterpartUnitIdAndYear(Long counterpartUnitId, int year);
}
