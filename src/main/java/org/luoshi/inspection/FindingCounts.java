package org.luoshi.inspection;

/** Unfinished findings in a scope: open (not yet passed), overdue, near their deadline, awaiting re-check. */
record FindingCounts(long open, long overdue, long near, long submitted) {
}
