package org.luoshi.assessment;

/** How a rule turns the matching ledger records into one figure per period. */
enum Aggregation {
    /** Number of records. */
    COUNT,
    /** Sum of a numeric field. */
    SUM,
    /** Number of distinct villages covered. */
    DISTINCT_UNITS,
    /** A rate such as attendance or the share of cases handled on time. */
    RATE
}
