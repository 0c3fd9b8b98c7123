package org.luoshi.inspection;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AnswerEvidenceRepository extends JpaRepository<AnswerEvidence, Long> {

    List<AnswerEvidence> findByAnswerIdInOrderByIdAsc(Collection<Long> answerIds);
}
