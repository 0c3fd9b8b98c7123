package org.luoshi.inspection;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionAnswerRepository extends JpaRepository<InspectionAnswer, Long> {

    List<InspectionAnswer> findByInspectionId(Long inspectionId);

    Optional<InspectionAnswer> findByInspectionIdAndItemId(Long inspectionId, Long itemId);

    boolean existsByItemId(Long itemId);

    /** How many items each of the inspections answered: [inspection id, count]. */
    @org.springframework.data.jpa.repository.Query(
            "select a.inspectionId, count(a) from InspectionAnswer a where a.inspectionId in :ids group by a.inspectionId")
    List<Object[]> countByInspection(@org.springframework.data.repository.query.Param("ids") Collection<Long> ids);
}
