/**
 * The work ledger (电子台账): dated records of what a unit did, of many kinds that share one
 * framework (scope, 补录, history, soft delete, attachments, lists, API) and differ only in their
 * {@link org.luoshi.ledger.RecordKind} definitions.
 */
package org.luoshi.ledger;
