package org.luoshi.ledger;

import java.time.LocalDate;

/**
 * The filters of the ledger lists: unit subtree (null for the whole scope), kind, date range of
 * occurred_on, text in title or notes, one tag, 补录 only.
 */
public record RecordFilter(String kind, Long unitId, LocalDate from, LocalDate to, String q, String tag, boolean lateOnly) {

    public static RecordFilter all() {
        return new RecordFilter(null, null, null, null, null, null, false);
    }

    public RecordFilter withKind(String newKind) {
        return new RecordFilter(newKind, unitId, from, to, q, tag, lateOnly);
    }
}
