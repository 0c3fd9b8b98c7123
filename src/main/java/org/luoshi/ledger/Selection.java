package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which records a figure is taken over: one kind, in a unit's subtree, with a date in the period
 * (both ends inclusive; null leaves that end open), meeting every condition. Deleted records never
 * count. A record with a date range counts in the period of its start date only.
 *
 * <p>The unit is given by its path: the caller has read the unit in its scope (a foreign id is a
 * 404 there), and the statistics never widen it.
 *
 * @param unitPath materialised path of the unit ({@code /1/5/}); its whole subtree counts
 * @param conditions combined with AND; the values of one condition with OR
 */
public record Selection(String unitPath, LedgerKind kind, LocalDate from, LocalDate to, List<Condition> conditions) {

    public Selection {
        conditions = List.copyOf(conditions);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("period ends before it starts: " + from + ".." + to);
        }
    }

    public static Selection of(String unitPath, LedgerKind kind, LocalDate from, LocalDate to) {
        return new Selection(unitPath, kind, from, to, List.of());
    }

    /** Only records whose field has one of the values (an option, true/false, a number). */
    public Selection where(String field, Object... values) {
        return with(new Condition(Condition.Test.IN, field, Arrays.asList(values)));
    }

    /** Only records whose field has one of the values. */
    public Selection whereIn(String field, List<?> values) {
        return with(new Condition(Condition.Test.IN, field, List.copyOf(values)));
    }

    /** Only records where the field is filled in (e.g. a case with its date closed). */
    public Selection whereSet(String field) {
        return with(new Condition(Condition.Test.SET, field, List.of()));
    }

    /** Only records carrying at least one of the tags. */
    public Selection tagged(List<String> tags) {
        return with(new Condition(Condition.Test.TAG, null, List.copyOf(tags)));
    }

    public Selection during(LocalDate from, LocalDate to) {
        return new Selection(unitPath, kind, from, to, conditions);
    }

    public Selection under(String unitPath) {
        return new Selection(unitPath, kind, from, to, conditions);
    }

    private Selection with(Condition condition) {
        List<Condition> more = new ArrayList<>(conditions);
        more.add(condition);
        return new Selection(unitPath, kind, from, to, more);
    }

    /**
     * One condition. A field the kind does not have matches nothing (a figure of zero), rather than
     * silently matching every record; stored indicator rules are checked against the kinds when saved.
     */
    public record Condition(Test test, String field, List<Object> values) {

        public enum Test {
            /** The field has one of the values. */
            IN,
            /** The field is filled in. */
            SET,
            /** The record carries one of the tags (values); no field. */
            TAG
        }

        public Condition {
            values = List.copyOf(values);
        }
    }
}
