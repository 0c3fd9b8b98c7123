package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence of a checklist answer. */
@Entity
@Table(name = "answer_evidence")
class AnswerEvidence extends EvidenceItem {

    private Long answerId;

    protected AnswerEvidence() {
    }

    AnswerEvidence(long answerId, Long attachmentId, Long ledgerRecordId, String addedBy, Instant now) {
        super(attachmentId, ledgerRecordId, addedBy, now);
        this.answerId = answerId;
    }

    public Long getAnswerId() {
        return answerId;
    }
}
