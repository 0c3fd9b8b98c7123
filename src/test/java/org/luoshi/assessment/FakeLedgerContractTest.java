package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.time.LocalDate;

/** The fake used by the evaluation tests keeps the same contract as the real adapter must. */
class FakeLedgerContractTest extends LedgerFiguresContract {

    private final FakeLedger ledger = new FakeLedger();

    @Override
    LedgerFigures figures() {
        return ledger;
    }

    @Override
    String township() {
        return "/1/2/";
    }

    @Override
    String otherTownship() {
        return "/1/3/";
    }

    @Override
    long record(String unitPath, LedgerKind kind, String subKind, LocalDate on, LocalDate until) {
        return ledger.ranged(unitPath, kind, subKind, on, until);
    }

    @Override
    void delete(long id) {
        ledger.softDelete(id);
    }
}
