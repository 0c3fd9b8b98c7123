package org.luoshi.inspection;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Evidence of a rectification: an attachment or a ledger record (by id, until the ledger module
 * is connected). Exactly one of the two is set.
 */
@Entity
@Table(name = "rectification_evidence")
class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long findingId;
    private Long attachmentId;
    private Long ledgerRecordId;
    private String addedBy;
    private Instant addedAt;

    protected Evidence() {
    }

    Evidence(long findingId, Long attachmentId, Long ledgerRecordId, String addedBy, Instant now) {
        this.findingId = findingId;
        this.attachmentId = attachmentId;
        this.ledgerRecordId = ledgerRecordId;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getFindingId() {
        return findingId;
    }

    public Long getAttachmentId() {
        return attachmentId;
    }

    public Long getLedgerRecordId() {
        return ledgerRecordId;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
