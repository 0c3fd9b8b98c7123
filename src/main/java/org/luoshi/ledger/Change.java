package org.luoshi.ledger;

/** One field that differs between two versions of a record; {@code key} is e.g. {@code title} or {@code fields.docNumber}. */
public record Change(String key, Object before, Object after) {
}
