package org.luoshi.inspection;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InspectionAnswerRepository extends JpaRepository<InspectionAnswer, Long> {

    List<InspectionAnswer> findByInspectionId(Long inspectionId);

    Optional<InspectionAnswer> findByInspectionIdAndItemId(Long inspectionId, Long itemId);

    boolean existsByItemId(Long itemId);
}
