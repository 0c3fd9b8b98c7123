package org.luoshi.ledger;

import java.util.Collection;
import java.util.Map;
import org.luoshi.web.SubjectTitles;
import org.springframework.stereotype.Component;

/** Ledger records' titles for lines naming them (deleted records keep theirs: a deletion is named too). */
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
    public Map<Long, String> titles(Collection<Long> ids) {
        return store.titles(ids);
    }
}
