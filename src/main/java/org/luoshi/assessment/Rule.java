package org.luoshi.assessment;

import org.luoshi.ledger.LedgerKind;

import java.util.List;

/**
 * What an indicator counts: an aggregation over one record kind, narrowed by filters, compared with
 * the target.
 *
 * @param aggregation COUNT, SUM, DISTINCT_UNITS or RATE
 * @param kind the record kind; for RATE the metric's kind (null for letters)
 * @param sumField the numeric field for SUM; null otherwise
 * @param rate the metric for RATE; null otherwise
 * @param filters conditions combined with AND
 * @param comparison AT_LEAST, or ALL_UNITS for "every village"
 */
record Rule(Aggregation aggregation, LedgerKind kind, String sumField, RateMetric rate,
        List<RecordFilter> filters, Comparison comparison) {

    public Rule {
        // Fields that do not belong to the aggregation are dropped, so that equal rules compare equal.
        sumField = aggregation == Aggregation.SUM ? sumField : null;
        rate = aggregation == Aggregation.RATE ? rate : null;
        if (aggregation == Aggregation.RATE && rate != null && kind == null) {
            kind = rate.kind();
        }
        filters = filters == null ? List.of() : List.copyOf(filters);
        comparison = comparison == null ? Comparison.AT_LEAST : comparison;
    }

    /** The single sub-kind this rule is narrowed to, if exactly one: names the "what" in messages. */
    String singleSubKind() {
        List<RecordFilter> subKinds = filters.stream().filter(f -> f.type() == RecordFilter.Type.SUB_KIND).toList();
        return subKinds.size() == 1 && subKinds.get(0).values().size() == 1 ? subKinds.get(0).values().get(0) : null;
    }
}
