package org.luoshi.inspection;

import org.luoshi.ledger.LedgerService;
import org.luoshi.org.DataScope;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.stereotype.Component;

/**
 * Checks a ledger record offered as evidence (of an answer or a rectification): it must exist, not
 * be deleted and lie in the user's data scope. All three look the same to the user (409 with the
 * number), so that the answer does not reveal records of other units.
 */
@Component
class LedgerLinks {

    private final LedgerService ledger;

    LedgerLinks(LedgerService ledger) {
        this.ledger = ledger;
    }

    void check(DataScope scope, long ledgerRecordId) {
        try {
            ledger.get(scope, ledgerRecordId);
        } catch (NotFoundException e) {
            throw new RuleViolationException("inspection.ledger.notFound", ledgerRecordId);
        }
    }
}
