package org.luoshi.inspection;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceRepository extends JpaRepository<Evidence, Long> {

    List<Evidence> findByFindingIdOrderByIdAsc(Long findingId);

    long countByFindingId(Long findingId);

    boolean existsByFindingIdAndAttachmentId(Long findingId, Long attachmentId);
}
