package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** Evidence of a rectification. */
@Entity
@Table(name = "rectification_evidence")
class Evidence extends EvidenceItem {

    private Long findingId;

    protected Evidence() {
    }

    Evidence(long findingId, Long attachmentId, Long ledgerRecordId, String addedBy, Instant now) {
        super(attachmentId, ledgerRecordId, addedBy, now);
        this.findingId = findingId;
    }

    public Long getFindingId() {
        return findingId;
    }
}
