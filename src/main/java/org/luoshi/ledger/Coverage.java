package org.luoshi.ledger;

/**
 * How many villages (村 / 社区) of a unit have at least one matching record.
 *
 * @param covered distinct villages with a matching record in the period
 * @param total active villages in the unit's subtree
 */
public record Coverage(long covered, long total) {
}
