package org.luoshi.ledger;

import java.time.LocalDate;

/**
 * The filters of the ledger lists: unit subtree (null for the whole scope), kind, date range of
 * occurred_on, text in title or notes, one tag, 补录 only, and 未办结 only (舆情 cases not closed).
 */
public record RecordFilter(String kind, Long unitId, LocalDate from, LocalDate to, String q, String tag, boolean lateOnly,
        boolean openOnly) {

    public RecordFilter(String kind, Long unitId, LocalDate from, LocalDate to, String q, String tag, boolean lateOnly) {
        this(kind, unitId, from, to, q, tag, lateOnly, false);
    }

    public static RecordFilter all() {
        return new RecordFilter(null, null, null, null, null, null, false);
    }

    /** The same filter over another kind; 未办结 belongs to the 舆情 register and is dropped. */
    public RecordFilter withKind(String newKind) {
        return new RecordFilter(newKind, unitId, from, to, q, tag, lateOnly);
    }
}
