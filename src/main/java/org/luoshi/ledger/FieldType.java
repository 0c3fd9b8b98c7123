package org.luoshi.ledger;

/** How a field of a record kind is stored, entered and checked. */
public enum FieldType {
    /** One line of text. */
    TEXT,
    /** Several lines (minutes, requirements). */
    LONG_TEXT,
    /** A whole number, stored as integer; counts are never negative. */
    INTEGER,
    DECIMAL,
    DATE,
    BOOLEAN,
    /** One of the field's option codes; labels come from the bundle. */
    ENUM,
    /** A person (id) of the record's township. */
    PERSON,
    /** Another ledger record (id) of a given kind, e.g. the directive a meeting conveyed. */
    RECORD_REF,
    /** An org unit (id) within the record's township, e.g. the village an outreach went to. */
    UNIT
}
