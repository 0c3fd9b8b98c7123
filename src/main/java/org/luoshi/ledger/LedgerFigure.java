package org.luoshi.ledger;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a figure counts: records of one kind, in a unit's subtree, that happened between two dates
 * (both inclusive, either may be null), whose fields equal the given values (e.g.
 * {@code subKind=CENTRAL_GROUP}, {@code level=PROVINCIAL}, {@code onTime=true}).
 */
public record LedgerFigure(String kind, long unitId, LocalDate from, LocalDate to, Map<String, Object> fieldEquals) {

    public LedgerFigure {
        fieldEquals = fieldEquals == null ? Map.of() : Map.copyOf(fieldEquals);
    }

    public static LedgerFigure of(String kind, long unitId, LocalDate from, LocalDate to) {
        return new LedgerFigure(kind, unitId, from, to, Map.of());
    }

    public LedgerFigure where(String field, Object value) {
        Map<String, Object> more = new java.util.HashMap<>(fieldEquals);
        more.put(field, value);
        return new LedgerFigure(kind, unitId, from, to, more);
    }
}
