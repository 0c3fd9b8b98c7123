package org.luoshi.assessment;

import org.luoshi.ledger.Coverage;
import org.luoshi.ledger.LedgerKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures an indicator evaluation asks of the work ledger: the one edge between assessment and
 * the ledger. The ledger (or an adapter beside it) implements it; tests use an in-memory fake.
 *
 * <p><b>Period rule.</b> A record belongs to the period that contains its {@code occurred_on} date,
 * with both {@link RecordQuery#from()} and {@link RecordQuery#to()} inclusive: a record of 31 March
 * counts in the first quarter, one of 1 April in the second. A record with a date range
 * ({@code occurred_until}) counts only in the period of its START date, never in several. Dates are
 * calendar dates in the business zone (Beijing); the caller has already turned "now" into such a date.
 *
 * <p>Soft-deleted records never count. Every figure is limited to {@link RecordQuery#unitPath()}
 * and its subtree.
 */
public interface LedgerFigures {

    /** Number of matching records. */
    long count(RecordQuery query);

    /**
     * Sum of a numeric field (one of {@link LedgerKind#numericFields()}) over the matching records;
     * zero when none match.
     */
    BigDecimal sum(RecordQuery query, String field);

    /** Distinct villages below the unit that have at least one matching record, and all its active villages. */
    Coverage distinctUnits(RecordQuery query);

    /**
     * A rate over the matching records, as numerator and denominator; see each {@link RateMetric}
     * for what is divided by what. {@link RateMetric#LETTERS_SIGNED} ignores kind and filters and
     * takes the letters of the year of {@link RecordQuery#from()}.
     */
    Ratio rate(RateMetric metric, RecordQuery query);

    /** Ids of the matching records, newest first, at most {@code limit}: the drill-down behind a figure. */
    List<Long> recordIds(RecordQuery query, int limit);

    /** The matching records as listed in the drill-down, newest first, at most {@code limit}. */
    List<org.luoshi.ledger.LedgerStatistics.RecordLine> records(RecordQuery query, int limit);

    /**
     * Records per ledger kind code (every kind of the ledger, not only those rules may name) entered
     * in the unit's subtree with a date in the range; kinds without records are left out. For the
     * panel of a village clerk, whose village is not evaluated on its own.
     */
    java.util.Map<String, Long> countsByKind(String unitPath, LocalDate from, LocalDate to);

    /*
     * Many figures at once. An evaluation asks the same rule for every started period (twelve for a
     * monthly indicator) and the county dashboard asks it for every township, so an adapter over a
     * database answers these with one grouped query per rule instead of one query per figure. The
     * defaults ask one by one, which is what an in-memory ledger needs. Each answer is in the order
     * of the queries.
     */

    /** {@link #count} of each query. */
    default List<Long> counts(List<RecordQuery> queries) {
        return queries.stream().map(this::count).toList();
    }

    /** {@link #sum} of each query. */
    default List<BigDecimal> sums(List<RecordQuery> queries, String field) {
        return queries.stream().map(q -> sum(q, field)).toList();
    }

    /** {@link #distinctUnits} of each query. */
    default List<Coverage> coverages(List<RecordQuery> queries) {
        return queries.stream().map(this::distinctUnits).toList();
    }

    /** {@link #rate} of each query. */
    default List<Ratio> rates(RateMetric metric, List<RecordQuery> queries) {
        return queries.stream().map(q -> rate(metric, q)).toList();
    }
}
