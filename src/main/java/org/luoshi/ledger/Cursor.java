package org.luoshi.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Where a keyset page ends: the last row's occurred_on and id. The next page starts strictly
 * after it in (occurred_on desc, id desc) order, so no page needs OFFSET.
 */
record Cursor(LocalDate occurredOn, long id) {

    /** Parses {@code 2026-05-01_123}; anything else means "first page". */
    public static Cursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int sep = text.indexOf('_');
        try {
            return new Cursor(LocalDate.parse(text.substring(0, sep)), Long.parseLong(text.substring(sep + 1)));
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return occurredOn + "_" + id;
    }
}
