package org.luoshi.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChecklistItemRepository extends JpaRepository<ChecklistItem, Long> {

    List<ChecklistItem> findByChecklistIdOrderBySortOrderAscIdAsc(Long checklistId);

    boolean existsByChecklistIdAndItemNoAndIdNot(Long checklistId, String itemNo, Long id);

    long countByChecklistId(Long checklistId);
}
