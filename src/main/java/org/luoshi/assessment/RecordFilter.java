package org.luoshi.assessment;

import java.util.List;

/**
 * One condition on ledger records; the filters of a query are combined with AND, the values of
 * one filter with OR.
 *
 * @param type what is compared
 * @param field the enumerated field for {@link Type#FIELD_IN} (e.g. {@code level}); null otherwise
 * @param values the accepted sub-kinds, field values or tags (at least one)
 */
public record RecordFilter(Type type, String field, List<String> values) {

    public enum Type {
        /** The record's sub-kind is one of the values. */
        SUB_KIND,
        /** The enumerated {@code field} has one of the values. */
        FIELD_IN,
        /** The record carries at least one of the tags. */
        TAG
    }

    public RecordFilter {
        values = List.copyOf(values);
    }

    public static RecordFilter subKind(String... subKinds) {
        return new RecordFilter(Type.SUB_KIND, null, List.of(subKinds));
    }

    public static RecordFilter fieldIn(String field, String... values) {
        return new RecordFilter(Type.FIELD_IN, field, List.of(values));
    }

    public static RecordFilter tag(String... tags) {
        return new RecordFilter(Type.TAG, null, List.of(tags));
    }
}
