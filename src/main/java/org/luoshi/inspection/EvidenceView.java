package org.luoshi.inspection;

import org.luoshi.evidence.Attachment;

/** A piece of evidence: a stored file, or a ledger record by id. */
record EvidenceView(Long id, Attachment attachment, Long ledgerRecordId) {

    EvidenceView(EvidenceItem e, Attachment attachment) {
        this(e.getId(), attachment, e.getLedgerRecordId());
    }
}
