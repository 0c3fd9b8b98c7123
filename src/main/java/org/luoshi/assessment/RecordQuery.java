package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.time.LocalDate;
import java.util.List;

/**
 * Which ledger records a figure is taken over.
 *
 * @param unitPath materialised path of the unit assessed (a township); its whole subtree counts
 * @param kind the record kind; null only for {@link RateMetric#LETTERS_SIGNED}
 * @param filters conditions combined with AND
 * @param from first day of the period, inclusive
 * @param to last day of the period, inclusive
 */
public record RecordQuery(String unitPath, LedgerKind kind, List<RecordFilter> filters, LocalDate from, LocalDate to) {

    public RecordQuery {
        filters = List.copyOf(filters);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
    }
}
