package org.luoshi.inspection;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What a piece of evidence holds, whether it backs a checklist answer or a rectification: an
 * attachment or a ledger record (by id, until the ledger module is connected). Exactly one of the
 * two is set.
 */
@MappedSuperclass
abstract class EvidenceItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long attachmentId;
    private Long ledgerRecordId;
    private String addedBy;
    private Instant addedAt;

    protected EvidenceItem() {
    }

    EvidenceItem(Long attachmentId, Long ledgerRecordId, String addedBy, Instant now) {
        this.attachmentId = attachmentId;
        this.ledgerRecordId = ledgerRecordId;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public Long getId() {
        return id;
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
