package org.luoshi.ledger;

import java.util.Optional;
import org.luoshi.web.SubjectTitles;
import org.springframework.stereotype.Component;

/** A ledger record's title for lines naming it (deleted records keep theirs: a deletion is named too). */
@Component
class LedgerRecordTitles implements SubjectTitles {

    private final LedgerStore store;

    LedgerRecordTitles(LedgerStore store) {
        this.store = store;
    }

    @Override
    public String routePrefix() {
        return "/ledger/records";
    }

    @Override
    public Optional<String> title(long id) {
        return store.find(id).map(LedgerRecord::title);
    }
}
