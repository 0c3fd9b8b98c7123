package org.luoshi.ledger;

import java.time.Instant;
import java.util.List;

/** One change of a record: who, when, why, what it did (UPDATE, DELETE, RESTORE) and the fields it changed. */
record Revision(int number, Instant changedAt, String changedBy, String action, String reason, List<Change> changes) {
}
