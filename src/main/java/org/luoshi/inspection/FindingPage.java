package org.luoshi.inspection;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.luoshi.web.RuleViolationException;

/**
 * One keyset page of findings ordered by deadline and id.
 *
 * @param next the cursor of the following page, null on the last one
 * @param hasPrevious whether this page was asked for with a cursor (the first page has none)
 */
record FindingPage(List<FindingRow> rows, String next, boolean hasPrevious) {

    static final int SIZE = 20;
    static final int MAX_SIZE = 200;

    public boolean hasNext() {
        return next != null;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The last row of a page, written as {@code 2026-05-31_123} (deadline, id) in links. */
    record Key(LocalDate deadline, long id) {

        static Key parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            int cut = cursor.indexOf('_');
            try {
                return new Key(LocalDate.parse(cursor.substring(0, Math.max(cut, 0))), Long.parseLong(cursor.substring(cut + 1)));
            } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
                throw new RuleViolationException("inspection.findings.badCursor");
            }
        }

        @Override
        public String toString() {
            return deadline + "_" + id;
        }
    }
}
